public import Foundation

/// A durable follow-up: stored so that a restart neither loses nor repeats it.
public struct TicketTimer: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var ticketID: Int64
    public var kind: TimerKind
    public var dueAt: Date
    /// Set once the scheduler has acted on the timer (or it was cancelled, see ``cancelled``).
    public var firedAt: Date?
    public var cancelled: Bool
    public var createdAt: Date

    public init(id: Int64, ticketID: Int64, kind: TimerKind, dueAt: Date, firedAt: Date? = nil, cancelled: Bool = false, createdAt: Date) {
        self.id = id
        self.ticketID = ticketID
        self.kind = kind
        self.dueAt = dueAt
        self.firedAt = firedAt
        self.cancelled = cancelled
        self.createdAt = createdAt
    }
}
