public import Foundation

/// A closed ticket the new message seems to continue. Whether that reopens it is policy (a reopen
/// window, auto-replies, "thanks"), so storage reports it instead of deciding.
public struct ClosedTicketRef: Sendable, Hashable, Codable {
    public var ticketID: Int64
    public var closedAt: Date

    public init(ticketID: Int64, closedAt: Date) {
        self.ticketID = ticketID
        self.closedAt = closedAt
    }
}
