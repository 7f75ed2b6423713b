public import Foundation

/// One message as the report reads it: enough to find a ticket's first human reply.
public struct ReportMessage: Sendable, Hashable {
    public var ticketID: Int64
    public var direction: Direction
    /// When we stored it; for an outbound message, when it was queued (the agent's action, not the
    /// provider's delivery).
    public var at: Date
    /// For outbound messages, the agent account that queued it or ``TicketEvent/system``.
    public var author: String?

    public init(ticketID: Int64, direction: Direction, at: Date, author: String?) {
        self.ticketID = ticketID
        self.direction = direction
        self.at = at
        self.author = author
    }

    /// An outbound message a person queued: a reply or a closing confirmation sent by an agent's
    /// command. Automatic messages (follow-ups, system notices) do not answer the customer's question.
    public var isHumanReply: Bool {
        guard direction == .outbound, let author, !author.isEmpty else { return false }
        return author != TicketEvent.system && author != TicketEvent.customer
    }
}
