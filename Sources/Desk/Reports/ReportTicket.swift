public import Foundation

/// One ticket as the report reads it: the columns analytics need and nothing else, so loading 100,000
/// of them stays cheap.
public struct ReportTicket: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var customerID: Int64
    /// Nil while untriaged.
    public var category: Category?
    public var channel: Channel
    /// The state when the rows were read (the end of the period, for a report on "the last 7 days").
    public var state: TicketState
    public var owner: String?
    public var routedOwner: String?
    public var createdAt: Date
    /// When the ticket was last closed; nil while it is open.
    public var closedAt: Date?

    /// Who answers for the ticket: the holder, else routing's owner (as ``Ticket/responsible``).
    public var responsible: String? { owner ?? routedOwner }

    public init(
        id: Int64, customerID: Int64, category: Category?, channel: Channel, state: TicketState, owner: String? = nil, routedOwner: String? = nil,
        createdAt: Date, closedAt: Date? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.category = category
        self.channel = channel
        self.state = state
        self.owner = owner
        self.routedOwner = routedOwner
        self.createdAt = createdAt
        self.closedAt = closedAt
    }
}
