import IRC
import Testing

@Suite struct FloodGateTests {
    /// `#expect` cannot take a mutating call, so attempts are recorded first and compared after.
    static func attempts<C>(_ count: Int, on gate: inout FloodGate<C>) -> [Bool] {
        (0..<count).map { _ in gate.tryAcquire() }
    }

    @Test func burstOfFourThenOneEveryTwoSeconds() {
        let clock = ManualClock()
        var gate = FloodGate(clock: clock)
        #expect(gate.delayUntilNextToken() == .zero)
        #expect(Self.attempts(5, on: &gate) == [true, true, true, true, false])
        #expect(gate.delayUntilNextToken() == .seconds(2))

        clock.advance(by: .seconds(1))
        #expect(gate.delayUntilNextToken() == .seconds(1))
        #expect(Self.attempts(1, on: &gate) == [false])

        clock.advance(by: .seconds(1))
        #expect(gate.delayUntilNextToken() == .zero)
        #expect(Self.attempts(2, on: &gate) == [true, false])
        #expect(gate.delayUntilNextToken() == .seconds(2))
    }

    /// Cards keep one token back, so a person's command finds it ready in the middle of a flood.
    @Test func aReservedTokenWaitsForTheNextCommand() {
        let clock = ManualClock()
        var gate = FloodGate(clock: clock)
        var cards: [Bool] = (0..<4).map { _ in gate.tryAcquire(keeping: 1) }
        #expect(cards == [true, true, true, false])
        #expect(gate.delayUntilNextToken(keeping: 1) == .seconds(2))
        #expect(gate.delayUntilNextToken() == .zero)
        #expect(Self.attempts(1, on: &gate) == [true], "the command reply takes the reserve")
        clock.advance(by: .seconds(2))
        cards = (0..<2).map { _ in gate.tryAcquire(keeping: 1) }
        #expect(cards == [false, false], "the reserve refills before cards go on")
        clock.advance(by: .seconds(2))
        let afterRefill = gate.tryAcquire(keeping: 1)
        #expect(afterRefill)
        var single = FloodGate(clock: clock, burst: 1, interval: .seconds(1))
        let alone = single.tryAcquire(keeping: 1)
        #expect(alone, "with a burst of one there is nothing to keep back")
    }

    @Test func steadyRateOverAMinute() {
        let clock = ManualClock()
        var gate = FloodGate(clock: clock)
        var sent = 0
        for _ in 0..<600 {
            while gate.tryAcquire() { sent += 1 }
            clock.advance(by: .milliseconds(100))
        }
        // 4 at once, then one at 2 s, 4 s, … 58 s.
        #expect(sent == 4 + 29)
    }

    @Test func idleRefillsTheBurstButNoMore() {
        let clock = ManualClock()
        var gate = FloodGate(clock: clock, burst: 4, interval: .seconds(2))
        _ = Self.attempts(4, on: &gate)
        clock.advance(by: .seconds(600))
        #expect(Self.attempts(5, on: &gate) == [true, true, true, true, false])
    }

    @Test func customBurstAndInterval() {
        let clock = ManualClock()
        var gate = FloodGate(clock: clock, burst: 1, interval: .milliseconds(2_200))
        #expect(Self.attempts(2, on: &gate) == [true, false])
        #expect(gate.delayUntilNextToken() == .milliseconds(2_200))
        #expect(FloodGate(clock: clock, burst: 0).burst == 1)
    }

    /// PONG goes out at once, and the lines behind it pay for it.
    @Test func unconditionalAcquireDelaysLaterLines() {
        let clock = ManualClock()
        var gate = FloodGate(clock: clock)
        _ = Self.attempts(4, on: &gate)
        gate.acquireUnconditionally()
        #expect(gate.delayUntilNextToken() == .seconds(4))
        clock.advance(by: .seconds(3))
        #expect(Self.attempts(1, on: &gate) == [false])
        clock.advance(by: .seconds(1))
        #expect(Self.attempts(1, on: &gate) == [true])
    }

    @Test func worksWithContinuousClock() {
        var gate = FloodGate(clock: ContinuousClock(), burst: 2, interval: .seconds(60))
        #expect(Self.attempts(3, on: &gate) == [true, true, false])
        #expect(gate.delayUntilNextToken() > .seconds(59))
    }
}
