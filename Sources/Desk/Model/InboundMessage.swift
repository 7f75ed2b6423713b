public import Foundation

/// The channel-neutral input every intake builds (Twilio and Meta webhooks, the email endpoint and
/// `ingest-email`). Once a message is in this shape, storage, threading and triage no longer care where
/// it came from.
public struct InboundMessage: Sendable, Hashable, Codable {
    public var channel: Channel
    /// Twilio `MessageSid`, Meta `wamid…`, or the email Message-ID without angle brackets. It is the
    /// idempotency key: a second message with the same channel and provider id is a duplicate.
    /// An email without a Message-ID needs a stable substitute (for example a digest of the raw bytes)
    /// so that an MTA retry is still recognised.
    public var providerID: String
    public var contact: ContactKey
    /// What the sender calls themselves (WhatsApp profile name, email display name).
    public var displayName: String?
    public var text: String
    public var attachments: [AttachmentInfo]
    /// When the provider says the message was sent. Twilio's inbound webhook carries none, so this is
    /// optional and listings fall back to the time we stored the message.
    public var providerTimestamp: Date?

    // Email threading. For WhatsApp, `inReplyTo` may carry Meta's `context.id` (the wamid the customer
    // replied to), which threads the same way.
    public var subject: String?
    /// The message id this one answers, without angle brackets.
    public var inReplyTo: String?
    /// The `References` chain, oldest first, without angle brackets.
    public var references: [String]
    /// RFC 3834 auto-replies (out-of-office, bounces) must never reopen a ticket or trigger a reply.
    public var isAutoReply: Bool
    /// An email's `Reply-To`, normalised, when it names another address than `From`. Anyone can write
    /// any `Reply-To`, so it never decides the customer or the thread: it is stored and shown, and
    /// replies go there only when it is an address of the same customer (or an agent says so).
    public var replyTo: String?
    /// The business WhatsApp number the message arrived on: Twilio's `To` as `whatsapp:+E164`, or Meta's
    /// `phone_number_id`. The webhooks accept only configured numbers; the reply leaves from this one.
    public var businessNumber: String?

    public init(
        channel: Channel,
        providerID: String,
        contact: ContactKey,
        displayName: String? = nil,
        text: String,
        attachments: [AttachmentInfo] = [],
        providerTimestamp: Date? = nil,
        subject: String? = nil,
        inReplyTo: String? = nil,
        references: [String] = [],
        isAutoReply: Bool = false,
        replyTo: String? = nil,
        businessNumber: String? = nil
    ) {
        self.channel = channel
        self.providerID = channel == .email ? providerID.strippingAngleBrackets() : providerID.trimmingWhitespace()
        self.contact = contact.normalized
        self.displayName = displayName.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0.trimmingWhitespace() }
        self.text = text
        self.attachments = attachments
        self.providerTimestamp = providerTimestamp
        self.subject = subject
        self.inReplyTo = inReplyTo.map { $0.strippingAngleBrackets() }.flatMap { $0.isEmpty ? nil : $0 }
        self.references = references.map { $0.strippingAngleBrackets() }.filter { !$0.isEmpty }
        self.isAutoReply = isAutoReply
        let from = self.contact
        self.replyTo = replyTo.flatMap { raw -> String? in
            let key = ContactKey.email(raw).normalized
            return key == from || key.value.isEmpty ? nil : key.value
        }
        self.businessNumber = businessNumber.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0.trimmingWhitespace() }
    }
}
