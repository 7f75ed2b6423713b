/// What an entry in the event log records. A string wrapper rather than an enum so that new kinds can be
/// logged (and old logs read) without a schema or API break; the well-known kinds are constants.
public struct EventKind: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }

    public static let received: EventKind = "received"
    public static let triaged: EventKind = "triaged"
    public static let routed: EventKind = "routed"
    public static let claimed: EventKind = "claimed"
    public static let unclaimed: EventKind = "unclaimed"
    public static let assigned: EventKind = "assigned"
    public static let drafted: EventKind = "drafted"
    /// An outbound message was committed to the outbox.
    public static let queued: EventKind = "queued"
    /// A send attempt certainly did not take effect and will be retried after a backoff.
    public static let retrying: EventKind = "retrying"
    public static let sent: EventKind = "sent"
    public static let delivered: EventKind = "delivered"
    public static let read: EventKind = "read"
    public static let failed: EventKind = "failed"
    /// A send attempt whose outcome nobody knows; an agent has to decide.
    public static let unknown: EventKind = "unknown"
    /// An agent decided what to do with an `unknown` send.
    public static let resolved: EventKind = "resolved"
    public static let replied: EventKind = "replied"
    public static let closed: EventKind = "closed"
    public static let reopened: EventKind = "reopened"
    public static let tagged: EventKind = "tagged"
    public static let urgent: EventKind = "urgent"
    public static let noted: EventKind = "noted"
    public static let snoozed: EventKind = "snoozed"
    public static let followedUp: EventKind = "followed_up"
    /// Import found one person under two customer records and merged them.
    public static let merged: EventKind = "merged"
    /// An agent sent a reply to the customer's `Reply-To` instead of their `From` (`send N --to reply-to`).
    public static let replyToChosen: EventKind = "reply_to_chosen"
    /// `forget` erased a customer; the one event that survives it, anonymised.
    public static let erased: EventKind = "erased"
}
