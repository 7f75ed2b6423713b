import Desk
import Foundation
import GRDB

/// Row of `messages`. `(channel, direction, provider_id)` is unique, except for inbound email, which is
/// unique per `(provider_id, sender)`: those indexes are what make webhook retries idempotent even if two
/// writers raced, and a stranger cannot make a customer's Message-ID a duplicate by sending it first.
struct MessageRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord, StoredDateRecord {
    static let databaseTableName = "messages"
    /// The condition of the partial unique index `messages_provider_id`, word for word as in the schema.
    static let providerIDCondition = "(channel <> 'email' OR direction <> 'in')"
    /// The condition of `messages_email_sender`, the unique index of inbound email.
    static let inboundEmailCondition = "channel = 'email' AND direction = 'in'"

    var id: Int64?
    var ticketID: Int64
    var direction: Direction
    var channel: Channel
    var providerID: String?
    var emailMessageID: String?
    var inReplyTo: String?
    var references: [String]
    var subject: String?
    var text: String
    var attachments: [AttachmentInfo]
    var status: DeliveryStatus
    var errorCode: String?
    var providerTimestamp: Date?
    var receivedAt: Date
    var author: String?
    var isAutoReply: Bool
    var category: Desk.Category?
    var confidence: Double?
    var urgency: Urgency?
    var lang: String?
    /// Whose words these are (inbound: the sender's customer; outbound: the customer written to).
    var customerID: Int64?
    /// The address an inbound message came from.
    var sender: String?
    /// An email's `Reply-To`, when it differs from `From`.
    var replyTo: String?
    /// The business WhatsApp number an inbound message arrived on.
    var businessNumber: String?

    enum CodingKeys: String, CodingKey {
        case id, direction, channel, subject, text, attachments, status, author, category, confidence, urgency, lang
        case ticketID = "ticket_id"
        case providerID = "provider_id"
        case emailMessageID = "email_message_id"
        case inReplyTo = "in_reply_to"
        case references = "email_references"
        case errorCode = "error_code"
        case providerTimestamp = "provider_timestamp"
        case receivedAt = "received_at"
        case isAutoReply = "is_auto_reply"
        case customerID = "customer_id"
        case sender
        case replyTo = "reply_to"
        case businessNumber = "business_number"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let ticketID = Column(CodingKeys.ticketID)
        static let direction = Column(CodingKeys.direction)
        static let channel = Column(CodingKeys.channel)
        static let providerID = Column(CodingKeys.providerID)
        static let emailMessageID = Column(CodingKeys.emailMessageID)
        static let status = Column(CodingKeys.status)
        static let providerTimestamp = Column(CodingKeys.providerTimestamp)
        static let receivedAt = Column(CodingKeys.receivedAt)
        static let customerID = Column(CodingKeys.customerID)
        static let sender = Column(CodingKeys.sender)
    }

    /// Conversation order: the provider's clock when it gave one, else ours; ties by insertion.
    static let conversationOrder = "COALESCE(provider_timestamp, received_at), id"

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var message: Message {
        Message(
            id: id.persisted, ticketID: ticketID, direction: direction, channel: channel, providerID: providerID,
            emailMessageID: emailMessageID, inReplyTo: inReplyTo, references: references, subject: subject, text: text,
            attachments: attachments, status: status, errorCode: errorCode, providerTimestamp: providerTimestamp,
            receivedAt: receivedAt, author: author, isAutoReply: isAutoReply, category: category,
            confidence: confidence, urgency: urgency, lang: lang, customerID: customerID, sender: sender,
            replyTo: replyTo, businessNumber: businessNumber
        )
    }
}
