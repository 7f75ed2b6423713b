public import Foundation

/// The result of parsing one raw message: what Switchboard stores, triages and threads on.
public struct ParsedEmail: Sendable, Equatable {
    /// addr-spec of the first `From` mailbox, as written.
    public var fromAddress: String?
    /// Its display name (or the comment of `addr (Full Name)`).
    public var fromName: String?
    /// addr-spec of the first `Reply-To` mailbox.
    public var replyTo: String?
    public var toAddresses: [EmailAddress]
    public var ccAddresses: [EmailAddress]
    /// Decoded and unfolded; `nil` when there is no Subject header.
    public var subject: String?
    /// Without angle brackets.
    public var messageID: String?
    /// The first id in `In-Reply-To`, without angle brackets.
    public var inReplyTo: String?
    /// Every id in `References`, in order, without angle brackets.
    public var references: [String]
    public var date: Date?
    public var isAutoReply: Bool
    /// The first automatic-message signal found, e.g. `auto-submitted: auto-replied`.
    public var autoReplyReason: String?
    /// The whole readable body (plain text, or HTML converted to text), quoted history included.
    public var text: String
    /// The text without quoted history, signature and device taglines.
    public var newText: String
    public var attachments: [EmailAttachment]
    /// ISO 639-1 code of `newText`'s main language; `nil` when it cannot be told.
    public var lang: String?
    /// All header fields of the top-level message.
    public var headers: EmailHeaders

    public init(
        fromAddress: String?, fromName: String?, replyTo: String?, toAddresses: [EmailAddress] = [],
        ccAddresses: [EmailAddress] = [], subject: String?, messageID: String?, inReplyTo: String?,
        references: [String], date: Date? = nil, isAutoReply: Bool, autoReplyReason: String?, text: String,
        newText: String, attachments: [EmailAttachment], lang: String?, headers: EmailHeaders = EmailHeaders(fields: [])
    ) {
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.replyTo = replyTo
        self.toAddresses = toAddresses
        self.ccAddresses = ccAddresses
        self.subject = subject
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.date = date
        self.isAutoReply = isAutoReply
        self.autoReplyReason = autoReplyReason
        self.text = text
        self.newText = newText
        self.attachments = attachments
        self.lang = lang
        self.headers = headers
    }
}
