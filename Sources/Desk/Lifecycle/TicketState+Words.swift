extension TicketState {
    /// The state as a person would say it.
    var words: String {
        switch self {
        case .new: "new"
        case .open: "open"
        case .claimed: "claimed"
        case .awaitingCustomer: "awaiting the customer"
        case .closed: "closed"
        }
    }
}
