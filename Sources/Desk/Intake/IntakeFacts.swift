public import Foundation

/// What the rules look at for one stored message: the ticket as the message left it (triaged,
/// not yet routed), its customer, and when we last wrote to that customer.
public struct IntakeFacts: Sendable {
    public var ticket: Ticket
    public var customer: Customer?
    public var message: InboundMessage
    public var isNewTicket: Bool
    public var lastReplyToCustomer: Date?
    public var now: Date

    public init(ticket: Ticket, customer: Customer?, message: InboundMessage, isNewTicket: Bool, lastReplyToCustomer: Date?, now: Date) {
        self.ticket = ticket
        self.customer = customer
        self.message = message
        self.isNewTicket = isNewTicket
        self.lastReplyToCustomer = lastReplyToCustomer
        self.now = now
    }
}
