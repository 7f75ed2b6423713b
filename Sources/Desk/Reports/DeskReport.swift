public import Foundation

/// Every figure of `switchboard report` and the IRC `stats` summary, computed by
/// ``compute(_:settings:)`` from plain rows. Renderers only format it.
///
/// Definitions (the README's Analytics section says the same):
/// - **Opened** tickets were created in the period; **closed** tickets have a `closed` event in it.
/// - **Work tickets** are all but `no_action` (thanks, ok, auto-replies): nobody owes those an answer,
///   so they are left out of response times, resolution times, the SLA and the reopen rate. They do
///   count in volume and backlog.
/// - **First response** is the time from opening to the first outbound message a person queued (a
///   reply or a closing confirmation from an agent's command); automatic messages do not count.
/// - **Resolution** is the time from opening to the last close, for tickets closed in the period and
///   still closed at its end.
/// - Percentiles use the nearest-rank method (``Percentile``).
public struct DeskReport: Sendable, Hashable {
    public var period: DateInterval
    public var timeZone: TimeZone
    public var opened: Int
    public var closed: Int
    /// Every open ticket at the end of the period, whenever it was opened.
    public var openNow: Int
    public var volume: VolumeTable
    /// Over work tickets opened in the period that have had a human reply.
    public var firstResponse: DurationSummary
    /// Work tickets opened in the period, still open, with no human reply yet.
    public var unanswered: Int
    public var resolution: DurationSummary
    /// Biggest first; "nobody" last.
    public var backlog: [BacklogEntry]
    public var reopen: ReopenSummary
    public var sla: SLASummary
    public var churn: ChurnSummary

    public init(
        period: DateInterval, timeZone: TimeZone, opened: Int, closed: Int, openNow: Int, volume: VolumeTable,
        firstResponse: DurationSummary, unanswered: Int, resolution: DurationSummary, backlog: [BacklogEntry],
        reopen: ReopenSummary, sla: SLASummary, churn: ChurnSummary
    ) {
        self.period = period
        self.timeZone = timeZone
        self.opened = opened
        self.closed = closed
        self.openNow = openNow
        self.volume = volume
        self.firstResponse = firstResponse
        self.unanswered = unanswered
        self.resolution = resolution
        self.backlog = backlog
        self.reopen = reopen
        self.sla = sla
        self.churn = churn
    }
}
