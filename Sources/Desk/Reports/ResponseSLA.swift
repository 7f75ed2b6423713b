public import Foundation

/// The first-response promise: a human reply queued by a deadline that depends on when the ticket was
/// opened. The deadline is a function so a business-hours calendar can replace plain clock time
/// without the report changing.
public struct ResponseSLA: Sendable {
    /// The promise as people say it ("4h"), for headings.
    public var target: Duration
    public var deadline: @Sendable (_ createdAt: Date) -> Date

    /// Clock time: the deadline is `target` after the ticket was opened, nights and weekends included.
    public init(target: Duration) {
        let seconds = target.timeInterval
        self.init(target: target) { $0.addingTimeInterval(seconds) }
    }

    public init(target: Duration, deadline: @escaping @Sendable (_ createdAt: Date) -> Date) {
        self.target = target
        self.deadline = deadline
    }

    /// Used until the config names a first-response SLA: four hours.
    public static let standard = ResponseSLA(target: .seconds(4 * 3600))
}
