import Desk
import Foundation
import Testing

@Suite("Business hours")
struct BusinessHoursTests {
    /// Dubai: Sunday to Thursday, 09:00–18:00, UTC+4 with no daylight saving.
    static let dubai = BusinessHours(timeZone: TimeZone(identifier: "Asia/Dubai")!, days: [1, 2, 3, 4, 5], opens: 9 * 60, closes: 18 * 60)

    static func dubaiTime(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text + "+04:00")!
    }

    @Test("Thursday 17:00 plus four business hours is Sunday 12:00")
    func overTheWeekend() {
        // 2026-11-26 is a Thursday.
        let start = Self.dubaiTime("2026-11-26T17:00:00")
        #expect(Self.dubai.adding(4 * 3600, to: start) == Self.dubaiTime("2026-11-29T12:00:00"))
        #expect(Self.dubai.businessTime(from: start, to: Self.dubaiTime("2026-11-29T12:00:00")) == 4 * 3600)
    }

    @Test("a ticket arriving before opening or on the weekend starts its clock at opening")
    func closedStarts() {
        #expect(Self.dubai.adding(3600, to: Self.dubaiTime("2026-11-25T06:30:00")) == Self.dubaiTime("2026-11-25T10:00:00"))
        #expect(Self.dubai.adding(3600, to: Self.dubaiTime("2026-11-27T15:00:00")) == Self.dubaiTime("2026-11-29T10:00:00"), "Friday")
        #expect(Self.dubai.adding(3600, to: Self.dubaiTime("2026-11-25T19:00:00")) == Self.dubaiTime("2026-11-26T10:00:00"), "after closing")
        #expect(!Self.dubai.isOpen(at: Self.dubaiTime("2026-11-28T10:00:00")), "Saturday")
        #expect(Self.dubai.isOpen(at: Self.dubaiTime("2026-11-29T09:00:00")))
        #expect(!Self.dubai.isOpen(at: Self.dubaiTime("2026-11-29T18:00:00")), "closing time is closed")
    }

    @Test("adding then measuring gives back the duration, for 2,000 seeded cases")
    func roundTrip() {
        var generator = SeededGenerator(seed: 0x5EED)
        let base = Self.dubaiTime("2026-01-01T00:00:00")
        for _ in 0..<2_000 {
            let start = base.addingTimeInterval(TimeInterval(Int.random(in: 0..<(365 * 86_400), using: &generator)))
            let duration = TimeInterval(Int.random(in: 0..<(60 * 3600), using: &generator))
            let end = Self.dubai.adding(duration, to: start)
            #expect(abs(Self.dubai.businessTime(from: start, to: end) - duration) < 0.001, "\(start) + \(duration)")
            #expect(end >= start.addingTimeInterval(duration), "business time never runs faster than wall time")
        }
    }

    @Test("always-open hours are wall time")
    func always() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(BusinessHours.always.adding(7200, to: start) == start.addingTimeInterval(7200))
    }

    @Test("the tightest first-response target applies")
    func targets() {
        let levels = ServiceLevels(firstResponse: .seconds(4 * 3600), firstResponseByCategory: [.churnRisk: .seconds(2 * 3600)],
                                   firstResponseUrgent: .seconds(3600))
        #expect(levels.firstResponseTarget(category: .support, urgency: .normal) == .seconds(4 * 3600))
        #expect(levels.firstResponseTarget(category: .churnRisk, urgency: .normal) == .seconds(2 * 3600))
        #expect(levels.firstResponseTarget(category: .churnRisk, urgency: .high) == .seconds(3600))
    }
}

/// SplitMix64: reproducible randomness for property tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
