public import Foundation

/// One line of `switchboard export` (**contract**): exactly the keys
/// `ticket, message_id, direction, channel, provider_id, customer, received_at, category, urgency, lang,
/// status, text`, every key always present (`null` when there is no value).
///
/// `message_id` is our integer message row id rather than a provider's id: `provider_id` already carries
/// that, and it is null for an outbound message the provider has not accepted yet, while a consumer
/// joining or de-duplicating export runs needs a key that every row has and that never changes.
public struct ExportRow: Sendable, Hashable, Codable {
    public var ticket: Int64
    public var messageID: Int64
    public var direction: Direction
    public var channel: Channel
    public var providerID: String?
    public var customer: Int64
    /// When Switchboard stored the row; for outbound rows, when it was queued. Written RFC 3339 UTC.
    public var receivedAt: Date
    /// Inbound: this message's triage (the ticket's when the message was not triaged on its own).
    /// Outbound: the ticket's.
    public var category: Category?
    public var urgency: Urgency?
    public var lang: String?
    public var status: DeliveryStatus
    public var text: String

    public init(
        ticket: Int64, messageID: Int64, direction: Direction, channel: Channel, providerID: String?,
        customer: Int64, receivedAt: Date, category: Category?, urgency: Urgency?, lang: String?,
        status: DeliveryStatus, text: String
    ) {
        self.ticket = ticket
        self.messageID = messageID
        self.direction = direction
        self.channel = channel
        self.providerID = providerID
        self.customer = customer
        self.receivedAt = receivedAt
        self.category = category
        self.urgency = urgency
        self.lang = lang
        self.status = status
        self.text = text
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case ticket
        case messageID = "message_id"
        case direction
        case channel
        case providerID = "provider_id"
        case customer
        case receivedAt = "received_at"
        case category
        case urgency
        case lang
        case status
        case text
    }

    /// Written by hand so that absent values are `null` rather than missing keys, and the time is
    /// RFC 3339 whatever date strategy the encoder was given.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ticket, forKey: .ticket)
        try container.encode(messageID, forKey: .messageID)
        try container.encode(direction, forKey: .direction)
        try container.encode(channel, forKey: .channel)
        try container.encode(providerID, forKey: .providerID)
        try container.encode(customer, forKey: .customer)
        try container.encode(Timestamp.rfc3339(receivedAt), forKey: .receivedAt)
        try container.encode(category, forKey: .category)
        try container.encode(urgency, forKey: .urgency)
        try container.encode(lang, forKey: .lang)
        try container.encode(status, forKey: .status)
        try container.encode(text, forKey: .text)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ticket = try container.decode(Int64.self, forKey: .ticket)
        messageID = try container.decode(Int64.self, forKey: .messageID)
        direction = try container.decode(Direction.self, forKey: .direction)
        channel = try container.decode(Channel.self, forKey: .channel)
        providerID = try container.decodeIfPresent(String.self, forKey: .providerID)
        customer = try container.decode(Int64.self, forKey: .customer)
        let stamp = try container.decode(String.self, forKey: .receivedAt)
        guard let date = Timestamp.parse(stamp) else {
            throw DecodingError.dataCorruptedError(forKey: .receivedAt, in: container, debugDescription: "not RFC 3339: \(stamp)")
        }
        receivedAt = date
        category = try container.decodeIfPresent(Category.self, forKey: .category)
        urgency = try container.decodeIfPresent(Urgency.self, forKey: .urgency)
        lang = try container.decodeIfPresent(String.self, forKey: .lang)
        status = try container.decode(DeliveryStatus.self, forKey: .status)
        text = try container.decode(String.self, forKey: .text)
    }

    /// The row as one line of JSON, without a trailing newline. Slashes are not escaped so URLs and
    /// dates read naturally.
    public func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
