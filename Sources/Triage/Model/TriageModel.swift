import Foundation

/// The triage classifier: category with calibrated confidence, urgency and language for one message.
///
/// Decision order: an email flagged as an auto-reply is `no_action`; otherwise the configured `rules`
/// are tried in order (the first rule with a category decides it, the first with an urgency decides
/// that); otherwise the model decides. A value type: share it freely across tasks, and swap in a
/// retrained one atomically.
public struct TriageModel: Sendable {
    let weights: QuantizedWeights
    let extractor: FeatureExtractor
    let languageIdentifier: LanguageIdentifier

    public let settings: FeatureSettings
    /// Language classes of the language head, in lane order.
    public let languages: [String]
    /// Softmax temperature fitted on held-out data; probabilities are `softmax(logits / temperature)`.
    public var temperature: Float
    /// Probability of the urgency head at which a message becomes `high` without a rule.
    public var urgencyThreshold: Float
    /// Model decisions below this confidence are flagged `isLowConfidence`.
    public var lowConfidenceThreshold: Double
    /// Configured overrides, tried in order after the auto-reply signal and before the model.
    public var rules: [TriageRule] = []
    public var metadata: TriageModelMetadata

    init(
        weights: QuantizedWeights,
        settings: FeatureSettings,
        languages: [String],
        temperature: Float,
        urgencyThreshold: Float,
        lowConfidenceThreshold: Double,
        metadata: TriageModelMetadata
    ) {
        self.weights = weights
        self.settings = settings
        self.languages = languages
        self.temperature = temperature
        self.urgencyThreshold = urgencyThreshold
        self.lowConfidenceThreshold = lowConfidenceThreshold
        self.metadata = metadata
        self.extractor = FeatureExtractor(settings: settings)
        self.languageIdentifier = LanguageIdentifier(languages: languages)
    }

    public func classify(text: String, channel: TriageChannel? = nil, isAutoReply: Bool = false) -> TriageResult {
        let analysis = extractor.analyze(text)
        return classify(analysis: analysis, text: text, channel: channel, isAutoReply: isAutoReply)
    }

    /// Classifies raw bytes that may not be valid UTF-8 (invalid sequences become U+FFFD).
    public func classify<Bytes: Collection<UInt8>>(utf8 bytes: Bytes, channel: TriageChannel? = nil, isAutoReply: Bool = false) -> TriageResult {
        classify(text: String(decoding: bytes.prefix(settings.maxScalars * 4), as: UTF8.self), channel: channel, isAutoReply: isAutoReply)
    }

    /// The language tag alone, as triage would report it (for the knowledge base and email parsing).
    public func language(of text: String) -> String {
        let analysis = extractor.analyze(text)
        let features = extractor.features(analysis, channel: nil)
        return languageIdentifier.identify(analysis.text.profile) { weights.languageLogits(features) }
    }

    func classify(analysis: FeatureExtractor.Analysis, text: String, channel: TriageChannel?, isAutoReply: Bool) -> TriageResult {
        let features = extractor.features(analysis, channel: channel)
        let logits = weights.categoryLogits(features)
        let modelScores = CategoryScores(values: Self.softmax(logits, temperature: temperature))
        let lang = languageIdentifier.identify(analysis.text.profile) { weights.languageLogits(features) }
        let urgencyProbability = 1 / (1 + exp(-logits[6]))

        var category = modelScores.best
        var decidedBy = TriageDecision.model
        var ruleUrgency: Urgency?
        if isAutoReply {
            category = .noAction
            decidedBy = .autoReply
        } else if !rules.isEmpty {
            var categoryDecided = false
            for rule in rules where rule.matches(text: text, normalized: analysis.text, channel: channel) {
                if !categoryDecided, let ruleCategory = rule.category {
                    category = ruleCategory
                    decidedBy = .rule(name: rule.name)
                    categoryDecided = true
                }
                if ruleUrgency == nil, let urgency = rule.urgency { ruleUrgency = urgency }
                if categoryDecided, ruleUrgency != nil { break }
            }
        }

        let urgency: Urgency
        if isAutoReply {
            urgency = .normal
        } else if let ruleUrgency {
            urgency = ruleUrgency
        } else {
            urgency = UrgencyDetector(modelThreshold: urgencyThreshold)
                .urgency(analysis: analysis, modelProbability: urgencyProbability, category: category).urgency
        }

        let isModel = decidedBy == .model
        let scores = isModel ? modelScores : CategoryScores(oneHot: category)
        let confidence = scores[category]
        return TriageResult(
            category: category,
            confidence: confidence,
            urgency: urgency,
            lang: lang,
            scores: scores,
            modelScores: modelScores,
            decidedBy: decidedBy,
            isLowConfidence: isModel && confidence < lowConfidenceThreshold
        )
    }

    static func softmax(_ logits: SIMD8<Float>, temperature: Float) -> SIMD8<Double> {
        let count = TriageCategory.allCases.count
        var top = logits[0]
        for i in 1..<count where logits[i] > top { top = logits[i] }
        var result = SIMD8<Double>()
        var total = 0.0
        let t = Double(max(temperature, 1e-3))
        for i in 0..<count {
            let value = exp(Double(logits[i] - top) / t)
            result[i] = value
            total += value
        }
        return result / total
    }
}
