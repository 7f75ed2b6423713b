import Foundation

/// Learning from corrections without the original training data.
///
/// A deployed bot has only the shipped weights, so retraining warm-starts from them: it runs AdaGrad on
/// the corrections alone (weighted up), with an L2 pull towards the base weights. Only the rows of the
/// hashed table that the corrections touch can change, so the rest of the model stays exactly as shipped
/// and the whole step takes milliseconds. The bias and the language head are left alone.
extension TriageModel {
    public func retrained(with corrections: [LabeledExample], configuration: RetrainingConfiguration = RetrainingConfiguration()) -> TriageModel {
        guard !corrections.isEmpty else { return self }
        let mask = UInt32(weights.category.count - 1)

        // Map every touched bucket to a dense local row.
        var local: [Int: Int32] = [:]
        var buckets: [Int] = []
        func localIndex(_ hash: UInt32) -> Int32 {
            let bucket = Int(hash & mask)
            if let index = local[bucket] { return index }
            let index = Int32(buckets.count)
            local[bucket] = index
            buckets.append(bucket)
            return index
        }
        struct Sample {
            var groups: [([Int32], Float)]
            var category: Int
            var urgency: Int8
            var weight: Float
        }
        var samples: [Sample] = []
        for correction in corrections {
            let features = extractor.features(extractor.analyze(correction.text), channel: correction.channel)
            samples.append(Sample(
                groups: [
                    (features.chars.map(localIndex), features.charValue),
                    (features.longChars.map(localIndex), features.charValue),
                    (features.words.map(localIndex), features.wordValue),
                    (features.concepts.map(localIndex), features.conceptValue),
                ],
                category: correction.category.index,
                urgency: correction.urgency.map { $0 == .high ? 1 : 0 } ?? -1,
                weight: correction.weight * configuration.correctionWeight
            ))
        }

        let scale = weights.categoryScale
        let base = buckets.map { SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: weights.category[$0])) * scale }
        var rows = base
        var accumulated = [SIMD8<Float>](repeating: SIMD8(), count: rows.count)
        var rng = SplitMix64(seed: configuration.seed)
        var order = Array(samples.indices)
        let count = TriageCategory.allCases.count
        for _ in 0..<max(1, configuration.epochs) {
            order.shuffle(using: &rng)
            for sampleIndex in order {
                let sample = samples[sampleIndex]
                var z = weights.categoryBias
                for (indices, value) in sample.groups {
                    var sum = SIMD8<Float>()
                    for i in indices { sum += rows[Int(i)] }
                    z += sum * value
                }
                var top = z[0]
                for c in 1..<count where z[c] > top { top = z[c] }
                var g = SIMD8<Float>()
                var total: Float = 0
                for c in 0..<count {
                    g[c] = exp(z[c] - top)
                    total += g[c]
                }
                for c in 0..<count { g[c] /= total }
                g[sample.category] -= 1
                g *= sample.weight
                if sample.urgency >= 0 {
                    g[6] = (1 / (1 + exp(-z[6])) - Float(sample.urgency)) * sample.weight
                }
                for (indices, value) in sample.groups {
                    let scaled = g * value
                    for i in indices {
                        let r = Int(i)
                        let grad = scaled + configuration.priorStrength * (rows[r] - base[r])
                        accumulated[r] += grad * grad
                        rows[r] -= configuration.learningRate * grad / (accumulated[r].squareRoot() + 1e-6)
                    }
                }
            }
        }

        var table = weights.category
        var inverse = SIMD8<Float>()
        for lane in 0..<8 { inverse[lane] = 1 / scale[lane] }
        for (row, bucket) in zip(rows, buckets) {
            let scaled = (row * inverse).rounded(.toNearestOrEven)
                .clamped(lowerBound: SIMD8(repeating: -127), upperBound: SIMD8(repeating: 127))
            table[bucket] = SIMD8<Int8>(clamping: SIMD8<Int32>(scaled))
        }
        var updated = weights
        updated.category = table
        var metadata = self.metadata
        metadata.correctionCount += corrections.count
        metadata.retrainedAt = ISO8601DateFormatter().string(from: Date())
        var model = TriageModel(
            weights: updated,
            settings: settings,
            languages: languages,
            temperature: temperature,
            urgencyThreshold: urgencyThreshold,
            lowConfidenceThreshold: lowConfidenceThreshold,
            metadata: metadata
        )
        model.rules = rules
        return model
    }
}
