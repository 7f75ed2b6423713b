import Foundation
import IRC
import Testing

@Suite struct IRCServerTimeTests {
    @Test func parsesTheServerTimeFormat() {
        #expect(IRCServerTime.date(from: "2024-03-01T12:00:00.250Z")?.timeIntervalSince1970 == 1_709_294_400.25)
        #expect(IRCServerTime.date(from: "1970-01-01T00:00:00Z")?.timeIntervalSince1970 == 0)
        #expect(IRCServerTime.date(from: "2000-02-29T23:59:59.5Z")?.timeIntervalSince1970 == 951_868_799.5)
    }

    /// A leap second reads as the last millisecond before the next second, so it still sorts before it.
    @Test func acceptsLeapSecond() throws {
        let leap = try #require(IRCServerTime.date(from: "2016-12-31T23:59:60.000Z"))
        let before = try #require(IRCServerTime.date(from: "2016-12-31T23:59:59.000Z"))
        let after = try #require(IRCServerTime.date(from: "2017-01-01T00:00:00.000Z"))
        #expect(before < leap && leap < after)
        #expect(abs(leap.timeIntervalSince1970 - 1_483_228_799.999) < 0.0001)
    }

    @Test(arguments: ["", "2019-02-30T00:00:00.000Z", "2019-02-27 17:04:21.000Z", "2019-02-27T17:04:21.Z",
                      "2019-02-27T17:04:21.123+01:00", "2019-02-27T24:00:00.000Z", "2019-02-27T17:04:61Z",
                      "2019-13-01T00:00:00Z", "2019-02-27T17:04:21.123", "2019-02-27T17:04:21.123Zjunk"])
    func rejectsMalformed(_ text: String) {
        #expect(IRCServerTime.date(from: text) == nil)
    }

    /// Cross-checks both directions against Foundation's own ISO 8601 formatter on random instants.
    @Test func agreesWithFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var generator = SeededGenerator(seed: 0x71AE)
        for _ in 0..<500 {
            let milliseconds = Int64.random(in: -2_000_000_000_000...4_000_000_000_000, using: &generator)
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let text = IRCServerTime.string(from: date)
            #expect(text == formatter.string(from: date))
            #expect(IRCServerTime.date(from: text).map { abs($0.timeIntervalSince(date)) < 0.0005 } == true)
        }
    }

    @Test func messageServerTime() throws {
        #expect(try IRCMessage(parsing: "@time=2016-12-31T23:59:60.000Z CMD").serverTime != nil)
        #expect(try IRCMessage(parsing: "@time=yesterday CMD").serverTime == nil)
    }
}
