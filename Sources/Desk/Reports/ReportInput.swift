/// The rows a report is computed from. They may be the full history or just the rows that can change
/// the figures (the store sends the first human reply per ticket, not every message): the computation
/// gives the same report either way.
public struct ReportInput: Sendable, Hashable {
    /// Tickets created or closed in the period, plus every ticket still open.
    public var tickets: [ReportTicket]
    public var events: [ReportEvent]
    public var messages: [ReportMessage]
    /// At least the customers of open churn risks, the only tickets the report names.
    public var customers: [ReportCustomer]

    public init(
        tickets: [ReportTicket], events: [ReportEvent] = [], messages: [ReportMessage] = [], customers: [ReportCustomer] = []
    ) {
        self.tickets = tickets
        self.events = events
        self.messages = messages
        self.customers = customers
    }
}
