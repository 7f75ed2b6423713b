public import Foundation

/// One event-log entry as the report reads it (closes, reopens, and the last action on a churn risk).
public struct ReportEvent: Sendable, Hashable {
    /// The log's row id: the order events were appended in, which breaks ties between equal times.
    public var id: Int64
    public var ticketID: Int64
    public var kind: EventKind
    public var actor: String
    public var at: Date

    public init(id: Int64, ticketID: Int64, kind: EventKind, actor: String, at: Date) {
        self.id = id
        self.ticketID = ticketID
        self.kind = kind
        self.actor = actor
        self.at = at
    }
}
