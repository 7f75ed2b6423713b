/// Exponential, jittered, capped backoff that forgets past failures once a session has been stable.
///
/// Jitter spreads reconnects of many bots after a server restart; the cap keeps a long outage from
/// turning into hour-long silences; the reset keeps one flaky evening from slowing next week's reconnect.
public struct ReconnectPolicy: Sendable {
    public var initialDelay: Duration
    public var maximumDelay: Duration
    public var multiplier: Double
    /// Fraction of the delay that is randomised, in both directions.
    public var jitter: Double
    /// A session that stayed registered this long resets the backoff.
    public var stableAfter: Duration

    public init(
        initialDelay: Duration = .seconds(5),
        maximumDelay: Duration = .seconds(300),
        multiplier: Double = 2,
        jitter: Double = 0.2,
        stableAfter: Duration = .seconds(120)
    ) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.multiplier = multiplier
        self.jitter = jitter
        self.stableAfter = stableAfter
    }
}

/// The running state of a `ReconnectPolicy`.
public struct ReconnectBackoff: Sendable {
    public let policy: ReconnectPolicy
    public private(set) var failures = 0

    public init(policy: ReconnectPolicy) {
        self.policy = policy
    }

    /// The delay before the next attempt; `unitRandom` in 0..<1 comes from the caller so tests are exact.
    public mutating func nextDelay(unitRandom: Double) -> Duration {
        let base = policy.initialDelay.seconds * pow(policy.multiplier, Double(failures))
        let capped = min(base, policy.maximumDelay.seconds)
        failures += 1
        let spread = capped * policy.jitter * (unitRandom * 2 - 1)
        return .milliseconds(Int64(max(0, capped + spread) * 1000))
    }

    /// Called when a session ends; a long enough session counts as a success.
    public mutating func sessionEnded(lasted: Duration) {
        if lasted >= policy.stableAfter { failures = 0 }
    }

    public mutating func reset() { failures = 0 }
}

extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}

private func pow(_ base: Double, _ exponent: Double) -> Double {
    var result = 1.0
    for _ in 0..<Int(exponent) { result *= base }
    return result
}
