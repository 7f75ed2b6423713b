public import Foundation

/// An agent's fix to triage (`tag N CATEGORY`), kept with the text it applies to so the model can learn
/// from it later without raw training data.
public struct Correction: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var text: String
    public var category: Category
    public var lang: String?
    public var channel: Channel?
    public var actor: String
    public var at: Date
    public var ticketID: Int64?
    public var messageID: Int64?

    public init(
        id: Int64, text: String, category: Category, lang: String? = nil, channel: Channel? = nil, actor: String,
        at: Date, ticketID: Int64? = nil, messageID: Int64? = nil
    ) {
        self.id = id
        self.text = text
        self.category = category
        self.lang = lang
        self.channel = channel
        self.actor = actor
        self.at = at
        self.ticketID = ticketID
        self.messageID = messageID
    }
}
