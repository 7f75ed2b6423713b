public import Foundation

/// One entry of the append-only event log: who did what to which ticket, and when. Routing decisions,
/// claims and sends all land here, so "I thought you were handling it" can be checked.
public struct TicketEvent: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    /// Nil only for events about no single ticket (an erasure).
    public var ticketID: Int64?
    /// An IRC services account, or one of ``system`` and ``customer``.
    public var actor: String
    public var kind: EventKind
    /// Small structured facts (`{"from": "open", "to": "claimed"}`); stored as a JSON object.
    public var detail: [String: String]
    public var at: Date

    public static let system = "system"
    public static let customer = "customer"

    public init(id: Int64, ticketID: Int64?, actor: String, kind: EventKind, detail: [String: String] = [:], at: Date) {
        self.id = id
        self.ticketID = ticketID
        self.actor = actor
        self.kind = kind
        self.detail = detail
        self.at = at
    }
}
