public import Foundation

/// How long something took across tickets: how many were measured, and the nearest-rank median and
/// 90th percentile (see ``Percentile``).
public struct DurationSummary: Sendable, Hashable {
    public var count: Int
    public var p50: TimeInterval?
    public var p90: TimeInterval?

    public init(count: Int, p50: TimeInterval?, p90: TimeInterval?) {
        self.count = count
        self.p50 = p50
        self.p90 = p90
    }

    public init(samples: [TimeInterval]) {
        let sorted = samples.sorted()
        self.init(count: sorted.count, p50: Percentile.nearestRank(50, sorted: sorted), p90: Percentile.nearestRank(90, sorted: sorted))
    }
}
