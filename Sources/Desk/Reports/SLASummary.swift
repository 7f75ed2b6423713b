/// First-response SLA for the tickets opened in the period (no_action excluded).
public struct SLASummary: Sendable, Hashable {
    public var target: Duration
    /// Answered by the deadline.
    public var met: Int
    /// Answered, but after the deadline.
    public var late: Int
    /// Never answered, and the deadline passed while the ticket was open.
    public var missed: Int
    /// Not answered yet, still open, deadline still ahead.
    public var pending: Int
    /// The breached tickets (late or missed), by id.
    public var breached: [Int64]

    public init(target: Duration, met: Int, late: Int, missed: Int, pending: Int, breached: [Int64]) {
        self.target = target
        self.met = met
        self.late = late
        self.missed = missed
        self.pending = pending
        self.breached = breached
    }

    public var breaches: Int { late + missed }
    /// Tickets whose outcome is known.
    public var judged: Int { met + late + missed }
    /// Between 0 and 1; nil when nothing could be judged yet.
    public var breachRate: Double? { judged > 0 ? Double(breaches) / Double(judged) : nil }
}
