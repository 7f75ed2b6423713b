public import Foundation

/// What a report covers and what it measures against.
public struct ReportSettings: Sendable {
    /// The period: tickets opened or closed in it are counted. Its end is "now" for the backlog and for
    /// deciding whether an unanswered ticket has missed its deadline.
    public var period: DateInterval
    public var sla: ResponseSLA
    /// The zone whose calendar days the volume is counted in.
    public var timeZone: TimeZone

    public init(period: DateInterval, sla: ResponseSLA = .standard, timeZone: TimeZone = .gmt) {
        self.period = period
        self.sla = sla
        self.timeZone = timeZone
    }

    /// The `since` before `end` (`--since 7d`).
    public init(last seconds: TimeInterval, endingAt end: Date, sla: ResponseSLA = .standard, timeZone: TimeZone = .gmt) {
        self.init(period: DateInterval(start: end.addingTimeInterval(-seconds), end: end), sla: sla, timeZone: timeZone)
    }
}
