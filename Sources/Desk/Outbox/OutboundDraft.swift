public import Foundation

/// An outbound message as the drafter/`send` command hands it to storage.
public struct OutboundDraft: Sendable, Hashable {
    public var ticketID: Int64
    public var channel: Channel
    /// The text as the customer will read it (stored on the message row and exported).
    public var text: String
    /// What the channel's sender needs, as JSON (recipient, text, template, headers…). Stored verbatim.
    public var payload: Data
    /// The agent account sending it, or ``TicketEvent/system``.
    public var author: String
    // Email only.
    public var subject: String?
    /// The Message-ID we give the email (without brackets). It doubles as the provider id, and replies
    /// quoting it thread back to this ticket.
    public var emailMessageID: String?
    public var inReplyTo: String?
    public var references: [String]
    public var attachments: [AttachmentInfo]

    public init(
        ticketID: Int64, channel: Channel, text: String, payload: Data, author: String, subject: String? = nil,
        emailMessageID: String? = nil, inReplyTo: String? = nil, references: [String] = [], attachments: [AttachmentInfo] = []
    ) {
        self.ticketID = ticketID
        self.channel = channel
        self.text = text
        self.payload = payload
        self.author = author
        self.subject = subject
        self.emailMessageID = emailMessageID.map { $0.strippingAngleBrackets() }
        self.inReplyTo = inReplyTo.map { $0.strippingAngleBrackets() }
        self.references = references.map { $0.strippingAngleBrackets() }
        self.attachments = attachments
    }
}
