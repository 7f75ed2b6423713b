public import Foundation

/// A conversation with one customer about one matter, across channels.
public struct Ticket: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var customerID: Int64
    public var state: TicketState
    /// Nil until the first message is triaged; agents may change it with `tag`.
    public var category: Category?
    public var confidence: Double?
    public var urgency: Urgency
    /// BCP 47 tag of the conversation, from triage.
    public var lang: String?
    /// The channel the ticket started on. Replies go out on the channel the customer last used.
    public var channel: Channel
    /// The account holding the ticket by `claim` or `assign`; nil while nobody has taken it.
    public var owner: String?
    /// The owner the routing rule named (e.g. billing → founder). It is who the ticket belongs to while
    /// nobody holds it, so `queue mine` shows it to them, and unclaiming falls back to it.
    public var routedOwner: String?
    public var team: String?
    /// Which routing rule matched (its index or name), so "why did this land here?" has an answer.
    public var routeRule: String?
    /// The IRC channel the ticket was routed to.
    public var routeChannel: String?
    public var subject: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var closedAt: Date?
    public var resolution: String?

    /// Who answers for the ticket right now: the holder, else routing's owner.
    public var responsible: String? { owner ?? routedOwner }
    /// For a ticket opened by a customer writing after an earlier ticket was closed: that ticket.
    public var linkedTicketID: Int64?

    public init(
        id: Int64, customerID: Int64, state: TicketState, category: Category? = nil, confidence: Double? = nil,
        urgency: Urgency = .normal, lang: String? = nil, channel: Channel, owner: String? = nil,
        routedOwner: String? = nil, team: String? = nil, routeRule: String? = nil, routeChannel: String? = nil,
        subject: String? = nil, createdAt: Date, updatedAt: Date, closedAt: Date? = nil, resolution: String? = nil,
        linkedTicketID: Int64? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.state = state
        self.category = category
        self.confidence = confidence
        self.urgency = urgency
        self.lang = lang
        self.channel = channel
        self.owner = owner
        self.routedOwner = routedOwner
        self.team = team
        self.routeRule = routeRule
        self.routeChannel = routeChannel
        self.subject = subject
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.closedAt = closedAt
        self.resolution = resolution
        self.linkedTicketID = linkedTicketID
    }
}
