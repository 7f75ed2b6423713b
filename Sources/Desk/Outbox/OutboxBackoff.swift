/// The retry schedule for attempts that certainly did not take effect: exponential from ``base``,
/// capped at ``cap``, giving up after ``maxAttempts`` so that a dead provider turns into a visible
/// failure rather than an endless queue.
public struct OutboxBackoff: Sendable, Hashable {
    public var base: Duration
    public var cap: Duration
    public var maxAttempts: Int

    public init(base: Duration = .seconds(5), cap: Duration = .seconds(15 * 60), maxAttempts: Int = 8) {
        self.base = base
        self.cap = cap
        self.maxAttempts = maxAttempts
    }

    /// The wait after the given failed attempt (1-based): base, 2·base, 4·base … up to cap.
    /// A provider's `Retry-After` wins when it asks for longer.
    public func delay(afterAttempt attempt: Int, retryAfter: Duration? = nil) -> Duration {
        let exponent = max(0, min(attempt - 1, 30))
        var delay = base * (1 << exponent)
        if delay > cap || delay < .zero { delay = cap }
        if let retryAfter, retryAfter > delay { delay = retryAfter }
        return delay
    }

    /// Whether another attempt is allowed after `attempts` have been made.
    public func allowsRetry(afterAttempts attempts: Int) -> Bool {
        attempts < maxAttempts
    }
}
