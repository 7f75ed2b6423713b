import Foundation

extension Duration {
    /// Policy durations (backoff, reopen window) are `Duration`; dates move by `TimeInterval`.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
