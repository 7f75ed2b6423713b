/// What the store does with a stored message before it commits.
public enum IntakePlan: Sendable, Hashable {
    /// A new ticket: record the route and start the timers.
    case route(RouteDecision, timers: [PlannedTimer])
    /// A new ticket nobody needs to see: close it, unrouted.
    case close(resolution: String)
    /// A message on a ticket that already exists: only the timers.
    case followOn(timers: [PlannedTimer])

    public var timers: [PlannedTimer] {
        switch self {
        case .route(_, let timers), .followOn(let timers): timers
        case .close: []
        }
    }
}
