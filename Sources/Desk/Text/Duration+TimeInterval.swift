public import Foundation

extension Duration {
    /// Policy durations (backoff, reopen window, SLAs) are `Duration`; dates move by `TimeInterval`.
    public var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
