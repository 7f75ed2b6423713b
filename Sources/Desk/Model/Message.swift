public import Foundation

/// One stored message, inbound or outbound.
public struct Message: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var ticketID: Int64
    public var direction: Direction
    public var channel: Channel
    /// Twilio MessageSid, Meta wamid, or email Message-ID (no angle brackets). Nil for an outbound
    /// WhatsApp message the provider has not accepted yet.
    public var providerID: String?
    /// Email only: this message's Message-ID, and what it answers.
    public var emailMessageID: String?
    public var inReplyTo: String?
    public var references: [String]
    public var subject: String?
    public var text: String
    public var attachments: [AttachmentInfo]
    public var status: DeliveryStatus
    /// The provider's error code for a failed send (Twilio `ErrorCode`, Meta `errors[].code`).
    public var errorCode: String?
    public var providerTimestamp: Date?
    /// When Switchboard stored the message; for outbound, when it was queued.
    public var receivedAt: Date
    /// Inbound: the sender's display name. Outbound: the agent account that sent it.
    public var author: String?
    public var isAutoReply: Bool
    /// Triage of this very message (inbound only); tickets carry the conversation-level values.
    public var category: Category?
    public var confidence: Double?
    public var urgency: Urgency?
    public var lang: String?
    /// Whose words these are: for inbound, the customer who sent it, who is not always the ticket's (a
    /// colleague in CC answering our Message-ID); for outbound, the customer written to. Nil only for
    /// rows read without it.
    public var customerID: Int64?
    /// The address an inbound message came from (email `From`, or the WhatsApp number), normalised.
    public var sender: String?
    /// An email's `Reply-To` when it differs from `From`. Never decides who the customer is.
    public var replyTo: String?
    /// The business WhatsApp number an inbound message arrived on (`whatsapp:+E164` for Twilio, the
    /// phone number id for Meta), so a reply leaves from the number the customer wrote to.
    public var businessNumber: String?

    /// The time the conversation is ordered by: the provider's clock when it gave one, else ours.
    public var sortDate: Date { providerTimestamp ?? receivedAt }

    public init(
        id: Int64, ticketID: Int64, direction: Direction, channel: Channel, providerID: String? = nil,
        emailMessageID: String? = nil, inReplyTo: String? = nil, references: [String] = [], subject: String? = nil,
        text: String, attachments: [AttachmentInfo] = [], status: DeliveryStatus, errorCode: String? = nil,
        providerTimestamp: Date? = nil, receivedAt: Date, author: String? = nil, isAutoReply: Bool = false,
        category: Category? = nil, confidence: Double? = nil, urgency: Urgency? = nil, lang: String? = nil,
        customerID: Int64? = nil, sender: String? = nil, replyTo: String? = nil, businessNumber: String? = nil
    ) {
        self.id = id
        self.ticketID = ticketID
        self.direction = direction
        self.channel = channel
        self.providerID = providerID
        self.emailMessageID = emailMessageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.subject = subject
        self.text = text
        self.attachments = attachments
        self.status = status
        self.errorCode = errorCode
        self.providerTimestamp = providerTimestamp
        self.receivedAt = receivedAt
        self.author = author
        self.isAutoReply = isAutoReply
        self.category = category
        self.confidence = confidence
        self.urgency = urgency
        self.lang = lang
        self.customerID = customerID
        self.sender = sender
        self.replyTo = replyTo
        self.businessNumber = businessNumber
    }
}
