/// Something that happens to a ticket and may move it to another state.
public enum LifecycleEvent: Sendable, Hashable {
    /// Triage finished for a new ticket.
    case triaged
    /// An agent takes the ticket for themselves.
    case claimed(by: String)
    /// A lead hands the ticket to someone (`assign N ACCOUNT`).
    case assigned(to: String)
    case unclaimed
    /// We answered the customer; the ball is in their court.
    case replied
    /// A new inbound message on the ticket.
    case customerWrote
    case closed(resolution: String? = nil)
    case reopened

    /// The word used in events and error messages.
    public var name: String {
        switch self {
        case .triaged: "triaged"
        case .claimed: "claimed"
        case .assigned: "assigned"
        case .unclaimed: "unclaimed"
        case .replied: "replied"
        case .customerWrote: "customer_wrote"
        case .closed: "closed"
        case .reopened: "reopened"
        }
    }
}
