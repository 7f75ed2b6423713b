/// Which open tickets `queue` lists.
public enum QueueFilter: Sendable, Hashable {
    /// Every ticket that is not closed.
    case all
    /// Tickets the account holds, plus unheld tickets routing gave them.
    case mine(account: String)
    case category(Category)
    /// High urgency or churn risk.
    case urgent
    /// Tickets routed to a team.
    case team(String)
}
