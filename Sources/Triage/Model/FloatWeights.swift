/// Weights of both heads in full precision: what training updates, and what warm-started retraining
/// starts from after dequantising a shipped model.
///
/// Category head rows hold 8 lanes: the six categories in `TriageCategory.allCases` order, the urgency
/// logit (a separate binary head sharing the features), and one unused lane. Language head rows hold 16
/// lanes, the first `languages.count` used.
struct FloatWeights: Sendable {
    var category: [SIMD8<Float>]
    var categoryBias: SIMD8<Float>
    var language: [SIMD16<Float>]
    var languageBias: SIMD16<Float>

    init(categoryBits: Int, languageBits: Int) {
        category = Array(repeating: SIMD8(), count: 1 << categoryBits)
        categoryBias = SIMD8()
        language = Array(repeating: SIMD16(), count: 1 << languageBits)
        languageBias = SIMD16()
    }

    init(category: [SIMD8<Float>], categoryBias: SIMD8<Float>, language: [SIMD16<Float>], languageBias: SIMD16<Float>) {
        self.category = category
        self.categoryBias = categoryBias
        self.language = language
        self.languageBias = languageBias
    }

    func categoryLogits(_ f: FeatureSet) -> SIMD8<Float> {
        let mask = UInt32(category.count - 1)
        return category.withUnsafeBufferPointer { w in
            var c = SIMD8<Float>()
            for h in f.chars { c += w[Int(h & mask)] }
            for h in f.longChars { c += w[Int(h & mask)] }
            var d = SIMD8<Float>()
            for h in f.words { d += w[Int(h & mask)] }
            var k = SIMD8<Float>()
            for h in f.concepts { k += w[Int(h & mask)] }
            return categoryBias + c * f.charValue + d * f.wordValue + k * f.conceptValue
        }
    }

    func languageLogits(_ f: FeatureSet) -> SIMD16<Float> {
        let mask = UInt32(language.count - 1)
        return language.withUnsafeBufferPointer { w in
            var c = SIMD16<Float>()
            for h in f.chars { c += w[Int(h & mask)] }
            var d = SIMD16<Float>()
            for h in f.words { d += w[Int(h & mask)] }
            return languageBias + c * f.languageCharValue + d * f.wordValue
        }
    }
}
