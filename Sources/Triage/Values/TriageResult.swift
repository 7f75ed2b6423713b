/// The outcome of triaging one message.
public struct TriageResult: Sendable, Hashable {
    public var category: TriageCategory
    /// Calibrated probability of `category` (1 when a signal or rule decided it).
    public var confidence: Double
    public var urgency: Urgency
    /// BCP 47 tag (`en`, `ar-Latn`, …) or `und`.
    public var lang: String
    /// Probability per category; sums to 1. One-hot when a signal or rule decided the category.
    public var scores: CategoryScores
    /// The model's own calibrated probabilities, even when a rule overrode it.
    public var modelScores: CategoryScores
    public var decidedBy: TriageDecision
    /// True when the category came from the model with a confidence under the model's threshold, so a
    /// human should look before anything automatic happens.
    public var isLowConfidence: Bool

    public init(
        category: TriageCategory,
        confidence: Double,
        urgency: Urgency,
        lang: String,
        scores: CategoryScores,
        modelScores: CategoryScores,
        decidedBy: TriageDecision,
        isLowConfidence: Bool
    ) {
        self.category = category
        self.confidence = confidence
        self.urgency = urgency
        self.lang = lang
        self.scores = scores
        self.modelScores = modelScores
        self.decidedBy = decidedBy
        self.isLowConfidence = isLowConfidence
    }
}
