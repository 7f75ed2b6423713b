/// What storing one new inbound message did.
public struct IngestReceipt: Sendable, Hashable {
    public var ticketID: Int64
    public var messageID: Int64
    public var customerID: Int64
    /// A ticket was opened for this message (route it and post a card).
    public var isNewTicket: Bool
    /// The sender was unknown until now.
    public var isNewCustomer: Bool
    /// The message reopened a closed ticket (only with a reopen window, see `ingest`).
    public var reopened: Bool
    /// A closed ticket this message continues, when it was not reopened: the message went to a new
    /// ticket linked to it, and the caller decides whether to reopen.
    public var reopenCandidate: ClosedTicketRef?
    public var threadedBy: ThreadMatch
    /// The ticket's state after the message.
    public var ticketState: TicketState
    /// The ticket as the commit left it (routed, when it was routed), so the desk renders its card
    /// without reading the database again. Nil only from callers that store without rules.
    public var ticket: Ticket?
    /// The ticket's customer as the commit left it.
    public var customer: Customer?
    /// What the intake rules decided in the same transaction; nil when stored without rules.
    public var plan: IntakePlan?

    public init(
        ticketID: Int64, messageID: Int64, customerID: Int64, isNewTicket: Bool, isNewCustomer: Bool,
        reopened: Bool, reopenCandidate: ClosedTicketRef?, threadedBy: ThreadMatch, ticketState: TicketState,
        ticket: Ticket? = nil, customer: Customer? = nil, plan: IntakePlan? = nil
    ) {
        self.ticketID = ticketID
        self.messageID = messageID
        self.customerID = customerID
        self.isNewTicket = isNewTicket
        self.isNewCustomer = isNewCustomer
        self.reopened = reopened
        self.reopenCandidate = reopenCandidate
        self.threadedBy = threadedBy
        self.ticketState = ticketState
        self.ticket = ticket
        self.customer = customer
        self.plan = plan
    }
}
