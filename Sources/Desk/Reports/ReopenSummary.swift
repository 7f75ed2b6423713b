/// Of the tickets closed during the period, how many were reopened at least once (before the close or
/// after it, up to the end of the period).
public struct ReopenSummary: Sendable, Hashable {
    public var closed: Int
    public var reopened: Int

    public init(closed: Int, reopened: Int) {
        self.closed = closed
        self.reopened = reopened
    }

    /// Between 0 and 1; nil when nothing was closed.
    public var rate: Double? { closed > 0 ? Double(reopened) / Double(closed) : nil }
}
