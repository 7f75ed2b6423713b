import Dispatch
import Foundation

/// Trains a `TriageModel`: multinomial logistic regression over hashed features with AdaGrad and L2,
/// a binary urgency head and a language head on the same features, temperature scaling fitted on
/// held-out in-domain data, then Int8 quantisation.
public struct TriageTrainer: Sendable {
    public var configuration: TrainingConfiguration

    public init(configuration: TrainingConfiguration = TrainingConfiguration()) {
        self.configuration = configuration
    }

    public func train(_ examples: [LabeledExample], progress: (@Sendable (TrainingProgress) -> Void)? = nil) -> TriageModel {
        let config = configuration
        progress?(TrainingProgress(phase: .features, epoch: 0, epochs: config.epochs, loss: 0))
        let encoded = encode(examples)

        var temperature: Float = 1
        if config.calibrationFraction > 0 {
            let held = calibrationSplit(encoded)
            if !held.isEmpty {
                let heldSet = Set(held)
                let fitting = encoded.indices.filter { !heldSet.contains($0) }
                let weights = fit(encoded, indices: fitting, phase: .calibration, progress: progress)
                temperature = Self.fitTemperature(weights: weights, examples: held.map { encoded[$0] })
            }
        }
        let weights = fit(encoded, indices: Array(encoded.indices), phase: .training, progress: progress)
        progress?(TrainingProgress(phase: .quantizing, epoch: config.epochs, epochs: config.epochs, loss: 0))

        var sources: [String: Int] = [:]
        for example in examples { sources[example.source, default: 0] += 1 }
        let metadata = TriageModelMetadata(
            exampleCount: examples.count,
            sources: sources,
            correctionCount: 0,
            attribution: Self.attribution
        )
        return TriageModel(
            weights: QuantizedWeights(quantizing: weights),
            settings: config.features,
            languages: config.languages,
            temperature: temperature,
            urgencyThreshold: config.urgencyThreshold,
            lowConfidenceThreshold: config.lowConfidenceThreshold,
            metadata: metadata
        )
    }

    static let attribution = """
        Trained in part on: Bitext customer-support sample (CDLA-Sharing-1.0); CLINC150 (CC BY 3.0); \
        Banking77 by PolyAI (CC BY 4.0); ArBanking77 by SinaLab (CC BY-SA 4.0).
        """

    // MARK: Features

    func encode(_ examples: [LabeledExample]) -> [EncodedExample] {
        let extractor = FeatureExtractor(settings: configuration.features)
        let languageIndex = Dictionary(uniqueKeysWithValues: configuration.languages.enumerated().map { ($1, Int8($0)) })
        let placeholder = EncodedExample(
            features: FeatureSet(), category: 0, urgency: -1, language: -1, weight: 0, inDomain: false, preferredForCalibration: false
        )
        let prefix = configuration.calibrationSourcePrefix
        var result = [EncodedExample](repeating: placeholder, count: examples.count)
        let threads = max(1, configuration.threads)
        let chunk = (examples.count + threads - 1) / max(threads, 1)
        result.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: threads) { part in
                let lower = part * chunk
                let upper = min(examples.count, lower + chunk)
                guard lower < upper else { return }
                for i in lower..<upper {
                    let example = examples[i]
                    let analysis = extractor.analyze(example.text)
                    output[i] = EncodedExample(
                        features: extractor.features(analysis, channel: example.channel),
                        category: example.category.index,
                        urgency: example.urgency.map { $0 == .high ? 1 : 0 } ?? -1,
                        language: example.lang.flatMap { languageIndex[$0] } ?? -1,
                        weight: example.weight,
                        inDomain: !example.source.hasPrefix("public/"),
                        preferredForCalibration: prefix.map { example.source.hasPrefix($0) } ?? false
                    )
                }
            }
        }
        return result
    }

    /// A stratified sample of the calibration pool for temperature fitting.
    func calibrationSplit(_ encoded: [EncodedExample]) -> [Int] {
        var rng = SplitMix64(seed: configuration.seed ^ 0xCA11_B8A7)
        let preferred = encoded.filter(\.preferredForCalibration).count >= 20
        var byClass: [Int: [Int]] = [:]
        for (i, example) in encoded.enumerated() where preferred ? example.preferredForCalibration : example.inDomain {
            byClass[example.category, default: []].append(i)
        }
        var held: [Int] = []
        for category in byClass.keys.sorted() {
            var members = byClass[category] ?? []
            members.shuffle(using: &rng)
            let take = Int((Double(members.count) * configuration.calibrationFraction).rounded())
            held.append(contentsOf: members.prefix(take))
        }
        return held.sorted()
    }

    // MARK: Optimisation

    func fit(
        _ encoded: [EncodedExample],
        indices: [Int],
        phase: TrainingProgress.Phase,
        progress: (@Sendable (TrainingProgress) -> Void)?
    ) -> FloatWeights {
        let config = configuration
        var weights = FloatWeights(categoryBits: config.features.categoryBits, languageBits: config.features.languageBits)
        var state = AdaGradState(categoryCount: weights.category.count, languageCount: weights.language.count)
        let classWeights = classWeights(encoded, indices: indices)
        let languageCount = min(config.languages.count, 16)
        var rng = SplitMix64(seed: config.seed)
        var order = indices
        for epoch in 1...max(1, config.epochs) {
            order.shuffle(using: &rng)
            var loss = 0.0
            var mass = 0.0
            for i in order {
                let example = encoded[i]
                let weight = example.weight * classWeights[example.category]
                loss += Double(Self.stepCategory(
                    example, weight: weight, urgencyWeight: example.weight * config.urgencyWeight,
                    weights: &weights, state: &state, learningRate: config.learningRate, l2: config.l2
                ))
                mass += Double(weight)
                if example.language >= 0, Int(example.language) < languageCount {
                    Self.stepLanguage(
                        example, languageCount: languageCount, weights: &weights, state: &state,
                        learningRate: config.learningRate, l2: config.l2
                    )
                }
            }
            progress?(TrainingProgress(phase: phase, epoch: epoch, epochs: config.epochs, loss: mass > 0 ? loss / mass : 0))
        }
        return weights
    }

    func classWeights(_ encoded: [EncodedExample], indices: [Int]) -> [Float] {
        let count = TriageCategory.allCases.count
        var mass = [Float](repeating: 0, count: count)
        for i in indices { mass[encoded[i].category] += encoded[i].weight }
        let total = mass.reduce(0, +)
        var result = [Float](repeating: 1, count: count)
        for c in 0..<count where mass[c] > 0 {
            result[c] = pow(total / (Float(count) * mass[c]), configuration.classBalancePower)
        }
        result[TriageCategory.churnRisk.index] *= configuration.churnBoost
        return result
    }

    /// One AdaGrad step of the category and urgency heads; returns the weighted cross-entropy.
    @inline(__always)
    static func stepCategory(
        _ example: EncodedExample,
        weight: Float,
        urgencyWeight: Float,
        weights: inout FloatWeights,
        state: inout AdaGradState,
        learningRate: Float,
        l2: Float
    ) -> Float {
        let f = example.features
        let z = weights.categoryLogits(f)
        let count = TriageCategory.allCases.count
        var top = z[0]
        for c in 1..<count where z[c] > top { top = z[c] }
        var p = SIMD8<Float>()
        var total: Float = 0
        for c in 0..<count {
            p[c] = exp(z[c] - top)
            total += p[c]
        }
        var g = SIMD8<Float>()
        for c in 0..<count { g[c] = p[c] / total }
        let loss = -log(max(g[example.category], 1e-9)) * weight
        g[example.category] -= 1
        g *= weight
        if example.urgency >= 0 {
            let probability = 1 / (1 + exp(-z[6]))
            g[6] = (probability - Float(example.urgency)) * urgencyWeight
        }
        weights.category.withUnsafeMutableBufferPointer { w in
            state.category.withUnsafeMutableBufferPointer { s in
                let mask = UInt32(w.count - 1)
                update(f.chars, value: f.charValue, g: g, w: w, s: s, mask: mask, learningRate: learningRate, l2: l2)
                update(f.longChars, value: f.charValue, g: g, w: w, s: s, mask: mask, learningRate: learningRate, l2: l2)
                update(f.words, value: f.wordValue, g: g, w: w, s: s, mask: mask, learningRate: learningRate, l2: l2)
                update(f.concepts, value: f.conceptValue, g: g, w: w, s: s, mask: mask, learningRate: learningRate, l2: l2)
            }
        }
        state.categoryBias += g * g
        weights.categoryBias -= learningRate * g / (state.categoryBias.squareRoot() + 1e-6)
        return loss
    }

    @inline(__always)
    static func update(
        _ hashes: [UInt32],
        value: Float,
        g: SIMD8<Float>,
        w: UnsafeMutableBufferPointer<SIMD8<Float>>,
        s: UnsafeMutableBufferPointer<SIMD8<Float>>,
        mask: UInt32,
        learningRate: Float,
        l2: Float
    ) {
        let scaled = g * value
        for h in hashes {
            let i = Int(h & mask)
            let grad = scaled + l2 * w[i]
            s[i] += grad * grad
            w[i] -= learningRate * grad / (s[i].squareRoot() + 1e-6)
        }
    }

    @inline(__always)
    static func stepLanguage(
        _ example: EncodedExample,
        languageCount: Int,
        weights: inout FloatWeights,
        state: inout AdaGradState,
        learningRate: Float,
        l2: Float
    ) {
        let f = example.features
        let z = weights.languageLogits(f)
        var top = z[0]
        for c in 1..<languageCount where z[c] > top { top = z[c] }
        var g = SIMD16<Float>()
        var total: Float = 0
        for c in 0..<languageCount {
            g[c] = exp(z[c] - top)
            total += g[c]
        }
        g /= total
        g[Int(example.language)] -= 1
        weights.language.withUnsafeMutableBufferPointer { w in
            state.language.withUnsafeMutableBufferPointer { s in
                let mask = UInt32(w.count - 1)
                for (hashes, value) in [(f.chars, f.languageCharValue), (f.words, f.wordValue)] {
                    let scaled = g * value
                    for h in hashes {
                        let i = Int(h & mask)
                        let grad = scaled + l2 * w[i]
                        s[i] += grad * grad
                        w[i] -= learningRate * grad / (s[i].squareRoot() + 1e-6)
                    }
                }
            }
        }
        state.languageBias += g * g
        weights.languageBias -= learningRate * g / (state.languageBias.squareRoot() + 1e-6)
    }

    // MARK: Calibration

    /// The temperature minimising the weighted negative log-likelihood on held-out examples (golden
    /// section search on log T).
    static func fitTemperature(weights: FloatWeights, examples: [EncodedExample]) -> Float {
        guard !examples.isEmpty else { return 1 }
        let logits = examples.map { weights.categoryLogits($0.features) }
        func nll(_ logT: Double) -> Double {
            let t = Float(exp(logT))
            var total = 0.0
            for (z, example) in zip(logits, examples) {
                let p = TriageModel.softmax(z, temperature: t)
                total -= log(max(p[example.category], 1e-12))
            }
            return total
        }
        var lo = log(0.05)
        var hi = log(20.0)
        let ratio = (sqrt(5.0) - 1) / 2
        var a = hi - ratio * (hi - lo)
        var b = lo + ratio * (hi - lo)
        var fa = nll(a)
        var fb = nll(b)
        for _ in 0..<40 {
            if fa < fb {
                hi = b
                b = a
                fb = fa
                a = hi - ratio * (hi - lo)
                fa = nll(a)
            } else {
                lo = a
                a = b
                fa = fb
                b = lo + ratio * (hi - lo)
                fb = nll(b)
            }
        }
        return Float(exp((lo + hi) / 2))
    }
}
