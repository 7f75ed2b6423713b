/// Where a ticket stands. Snoozing is a timer on a ticket, not a state, so a snoozed ticket keeps its
/// state and still shows up in history and reports as what it is.
public enum TicketState: String, Sendable, Hashable, Codable, CaseIterable {
    case new
    case open
    case claimed
    case awaitingCustomer = "awaiting_customer"
    case closed

    /// Everything except `closed` counts as open work: a customer's next message joins such a ticket.
    public var isOpen: Bool { self != .closed }
}
