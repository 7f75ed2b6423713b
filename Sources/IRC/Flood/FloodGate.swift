/// A token bucket for outgoing lines: `burst` lines at once, then one every `interval`.
///
/// Implemented as GCRA: instead of a token count it keeps one instant, the theoretical time at which the
/// bucket would next be empty of debt. That needs no timer and no refill step, and stays exact for any
/// clock. The clock is injected so tests drive time by hand. A plain value: the connection actor owns one.
public struct FloodGate<C: Clock>: Sendable where C.Duration == Duration {
    public let clock: C
    public let burst: Int
    public let interval: Duration
    /// When the debt of everything sent so far will have drained.
    private var theoreticalArrival: C.Instant

    /// `burst` is at least 1. The default, four lines then one per 2 s, stays below RFC 1459's
    /// 5-then-2-s and irssi's 5-then-2.2-s, so servers never apply fakelag.
    public init(clock: C, burst: Int = 4, interval: Duration = .seconds(2)) {
        self.clock = clock
        self.burst = max(1, burst)
        self.interval = interval
        self.theoreticalArrival = clock.now
    }

    /// The debt that may be outstanding while a line is still allowed: `burst − 1` intervals, less the
    /// tokens held in reserve.
    private func tolerance(keeping reserve: Int) -> Duration {
        interval * (burst - 1 - min(max(reserve, 0), burst - 1))
    }

    /// Takes a token if one is ready, leaving `reserve` tokens untouched: lines that can wait (cards)
    /// keep one in reserve, so a person's command is answered at once even in the middle of a flood.
    public mutating func tryAcquire(keeping reserve: Int = 0) -> Bool {
        let now = clock.now
        let start = max(theoreticalArrival, now)
        guard now.duration(to: start) <= tolerance(keeping: reserve) else { return false }
        theoreticalArrival = start.advanced(by: interval)
        return true
    }

    /// Takes a token whether or not one is ready, for lines that must not wait (PONG). Later lines wait
    /// longer in exchange, so the overall rate still holds.
    public mutating func acquireUnconditionally() {
        let now = clock.now
        theoreticalArrival = max(theoreticalArrival, now).advanced(by: interval)
    }

    /// How long until ``tryAcquire(keeping:)`` will succeed; zero when a token is ready now.
    public func delayUntilNextToken(keeping reserve: Int = 0) -> Duration {
        let now = clock.now
        let debt = now.duration(to: max(theoreticalArrival, now))
        let tolerance = tolerance(keeping: reserve)
        return debt > tolerance ? debt - tolerance : .zero
    }
}
