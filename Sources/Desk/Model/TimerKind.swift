/// Why a durable timer exists. A string wrapper like ``EventKind`` so the scheduler can grow new kinds.
public struct TimerKind: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
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

    /// Nudge the team (or the customer) about a silent ticket.
    public static let followUp: TimerKind = "follow_up"
    /// `snooze N DURATION`: bring the ticket back to attention when due.
    public static let snooze: TimerKind = "snooze"
    /// Escalate a ticket nobody has answered within its first-response SLA.
    public static let firstResponse: TimerKind = "first_response"
    /// Remind the agent shortly before the WhatsApp 24-hour window closes.
    public static let windowReminder: TimerKind = "window_reminder"
}
