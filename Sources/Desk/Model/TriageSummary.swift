/// What triage decided about one inbound message, in the shape storage needs. The Triage module has a
/// richer result; the caller maps it here so that Desk and Store do not depend on the model.
public struct TriageSummary: Sendable, Hashable, Codable {
    public var category: Category
    public var confidence: Double
    public var urgency: Urgency
    /// BCP 47 tag (`en`, `ar-Latn`, `und`).
    public var lang: String
    /// Probability per category, kept in the `triaged` event for later analysis.
    public var scores: [Category: Double]

    public init(category: Category, confidence: Double, urgency: Urgency, lang: String, scores: [Category: Double] = [:]) {
        self.category = category
        self.confidence = confidence
        self.urgency = urgency
        self.lang = lang
        self.scores = scores
    }
}
