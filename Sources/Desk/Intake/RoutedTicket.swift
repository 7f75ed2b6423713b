/// A ticket another intake stored and routed (`ingest-email` next to `serve`), with what its card needs.
public struct RoutedTicket: Sendable, Hashable {
    public var ticket: Ticket
    public var customer: Customer?
    /// The message that opened the ticket: the card's excerpt and the sender.
    public var message: Message
    public var decision: RouteDecision

    public init(ticket: Ticket, customer: Customer?, message: Message, decision: RouteDecision) {
        self.ticket = ticket
        self.customer = customer
        self.message = message
        self.decision = decision
    }
}
