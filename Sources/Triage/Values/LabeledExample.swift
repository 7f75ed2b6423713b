/// One labeled message used for training, evaluation, or as an agent's correction.
///
/// `lang` and `urgency` are optional because public data sets carry neither: a missing value simply
/// leaves that head of the model untrained by this example.
public struct LabeledExample: Sendable, Hashable {
    public var text: String
    public var category: TriageCategory
    /// A BCP 47 tag such as `hi-Latn`, or a data label such as `mixed` (never predicted).
    public var lang: String?
    public var channel: TriageChannel?
    public var urgency: Urgency?
    /// Relative importance in training; corrections from agents weigh more than bulk data.
    public var weight: Float
    /// Where the example came from (`banking77`, `corpus`, `dev`, …), for weighting and reports.
    public var source: String

    public init(
        text: String,
        category: TriageCategory,
        lang: String? = nil,
        channel: TriageChannel? = nil,
        urgency: Urgency? = nil,
        weight: Float = 1,
        source: String = "data"
    ) {
        self.text = text
        self.category = category
        self.lang = lang
        self.channel = channel
        self.urgency = urgency
        self.weight = weight
        self.source = source
    }
}
