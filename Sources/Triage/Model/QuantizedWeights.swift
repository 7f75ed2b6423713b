/// Int8 weights with one scale per output lane: the shipped form. A quarter of the size of Float32, and
/// summing Int8 rows into Int32 accumulators keeps the hot loop in cache and vectorised.
struct QuantizedWeights: Sendable {
    var category: [SIMD8<Int8>]
    var categoryScale: SIMD8<Float>
    var categoryBias: SIMD8<Float>
    var language: [SIMD16<Int8>]
    var languageScale: SIMD16<Float>
    var languageBias: SIMD16<Float>

    init(
        category: [SIMD8<Int8>],
        categoryScale: SIMD8<Float>,
        categoryBias: SIMD8<Float>,
        language: [SIMD16<Int8>],
        languageScale: SIMD16<Float>,
        languageBias: SIMD16<Float>
    ) {
        self.category = category
        self.categoryScale = categoryScale
        self.categoryBias = categoryBias
        self.language = language
        self.languageScale = languageScale
        self.languageBias = languageBias
    }

    /// Scales each lane so that its largest weight, ignoring the top 0.001 % of outliers, maps to 127;
    /// the outliers are clipped.
    init(quantizing weights: FloatWeights) {
        categoryScale = Self.scales(weights.category)
        categoryBias = weights.categoryBias
        languageScale = Self.scales(weights.language)
        languageBias = weights.languageBias
        let cInverse = Self.inverse(categoryScale)
        category = weights.category.map { row in
            let scaled = (row * cInverse).rounded(.toNearestOrEven)
            return SIMD8<Int8>(clamping: SIMD8<Int32>(scaled.clamped(lowerBound: SIMD8(repeating: -127), upperBound: SIMD8(repeating: 127))))
        }
        let lInverse = Self.inverse(languageScale)
        language = weights.language.map { row in
            let scaled = (row * lInverse).rounded(.toNearestOrEven)
            return SIMD16<Int8>(clamping: SIMD16<Int32>(scaled.clamped(lowerBound: SIMD16(repeating: -127), upperBound: SIMD16(repeating: 127))))
        }
    }

    func dequantized() -> FloatWeights {
        FloatWeights(
            category: category.map { SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: $0)) * categoryScale },
            categoryBias: categoryBias,
            language: language.map { SIMD16<Float>(SIMD16<Int32>(truncatingIfNeeded: $0)) * languageScale },
            languageBias: languageBias
        )
    }

    @inline(__always)
    func categoryLogits(_ f: FeatureSet) -> SIMD8<Float> {
        let mask = UInt32(category.count - 1)
        return category.withUnsafeBufferPointer { w in
            var c = SIMD8<Int32>()
            for h in f.chars { c &+= SIMD8<Int32>(truncatingIfNeeded: w[Int(h & mask)]) }
            for h in f.longChars { c &+= SIMD8<Int32>(truncatingIfNeeded: w[Int(h & mask)]) }
            var d = SIMD8<Int32>()
            for h in f.words { d &+= SIMD8<Int32>(truncatingIfNeeded: w[Int(h & mask)]) }
            var k = SIMD8<Int32>()
            for h in f.concepts { k &+= SIMD8<Int32>(truncatingIfNeeded: w[Int(h & mask)]) }
            let sum = SIMD8<Float>(c) * f.charValue + SIMD8<Float>(d) * f.wordValue + SIMD8<Float>(k) * f.conceptValue
            return categoryBias + sum * categoryScale
        }
    }

    @inline(__always)
    func languageLogits(_ f: FeatureSet) -> SIMD16<Float> {
        let mask = UInt32(language.count - 1)
        return language.withUnsafeBufferPointer { w in
            var c = SIMD16<Int32>()
            for h in f.chars { c &+= SIMD16<Int32>(truncatingIfNeeded: w[Int(h & mask)]) }
            var d = SIMD16<Int32>()
            for h in f.words { d &+= SIMD16<Int32>(truncatingIfNeeded: w[Int(h & mask)]) }
            let sum = SIMD16<Float>(c) * f.languageCharValue + SIMD16<Float>(d) * f.wordValue
            return languageBias + sum * languageScale
        }
    }

    private static func scales<V: SIMD>(_ rows: [V]) -> V where V.Scalar == Float {
        var result = V()
        for lane in 0..<V.scalarCount {
            var magnitudes = [Float]()
            magnitudes.reserveCapacity(rows.count / 8)
            for row in rows where row[lane] != 0 {
                magnitudes.append(abs(row[lane]))
            }
            guard !magnitudes.isEmpty else {
                result[lane] = 1
                continue
            }
            magnitudes.sort()
            let cut = magnitudes[min(magnitudes.count - 1, Int(Double(magnitudes.count) * 0.99999))]
            result[lane] = max(cut, 1e-6) / 127
        }
        return result
    }

    private static func inverse<V: SIMD>(_ scale: V) -> V where V.Scalar == Float {
        var result = V()
        for lane in 0..<V.scalarCount { result[lane] = 1 / scale[lane] }
        return result
    }
}
