public import Foundation

/// A plain-text message to submit: the reply or confirmation an agent sends on a ticket.
///
/// Message ids are written without angle brackets, as the outbox stores them; rendering adds them.
public struct OutgoingEmail: Sendable, Hashable {
    public var from: Mailbox
    public var to: [Mailbox]
    public var cc: [Mailbox]
    /// For example `Re: Refund for order 1182 [#42]` (the desk builds it with `TicketReference.replySubject`).
    public var subject: String
    /// The text as the customer will read it. Any line-break convention is accepted.
    public var body: String
    /// Our own id, decided before the first attempt so that every retry carries the same one and the
    /// customer's reply threads back to the ticket. See ``makeMessageID(domain:)``.
    public var messageID: String
    public var inReplyTo: String?
    /// The thread so far, oldest first. `inReplyTo` is appended when missing, as RFC 5322 §3.6.4 asks.
    public var references: [String]
    /// Marks automatic confirmations (`Auto-Submitted: auto-replied`, RFC 3834) so that well-behaved
    /// autoresponders do not answer them and start a mail loop.
    public var isAutoReply: Bool
    public var date: Date
    public var extraHeaders: [OutgoingHeader]

    public init(
        from: Mailbox, to: [Mailbox], cc: [Mailbox] = [], subject: String, body: String, messageID: String,
        inReplyTo: String? = nil, references: [String] = [], isAutoReply: Bool = false, date: Date = Date(),
        extraHeaders: [OutgoingHeader] = []
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.body = body
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.isAutoReply = isAutoReply
        self.date = date
        self.extraHeaders = extraHeaders
    }

    /// Every envelope recipient, in header order.
    public var recipients: [Mailbox] { to + cc }

    /// A fresh `uuid@domain` id (no brackets). The domain should be ours, usually the From domain.
    public static func makeMessageID(domain: String) -> String {
        "\(UUID().uuidString.lowercased())@\(domain)"
    }

    /// Why this message cannot be sent as it is, or `nil`. These are faults no retry can fix.
    public var validationProblem: String? {
        if let problem = SMTPAddressRules.problem(with: from.address) { return "sender: \(problem)" }
        if recipients.isEmpty { return "the message has no recipients" }
        for recipient in recipients {
            if let problem = SMTPAddressRules.problem(with: recipient.address) { return "recipient: \(problem)" }
        }
        if MessageIDRules.normalized(messageID) == nil {
            return "the Message-ID \"\(SMTPAddressRules.printable(messageID))\" is not of the form local@domain"
        }
        return nil
    }
}
