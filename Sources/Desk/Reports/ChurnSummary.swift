/// Churn risks: the ones still open (oldest first) and the period's flow.
public struct ChurnSummary: Sendable, Hashable {
    public var open: [ChurnRisk]
    /// churn_risk tickets opened in the period.
    public var opened: Int
    /// churn_risk tickets closed in the period.
    public var closed: Int

    public init(open: [ChurnRisk], opened: Int, closed: Int) {
        self.open = open
        self.opened = opened
        self.closed = closed
    }
}
