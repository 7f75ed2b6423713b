import Desk
import Foundation
import Testing

@Suite struct ClockTextTests {
    /// 2023-11-14 22:13:20 UTC.
    private let instant = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func hourAndMinuteInTheGivenZone() throws {
        #expect(ClockText.time(instant, timeZone: try #require(TimeZone(identifier: "UTC"))) == "22:13")
        #expect(ClockText.time(instant, timeZone: try #require(TimeZone(identifier: "Asia/Dubai"))) == "02:13")
        #expect(ClockText.time(instant, timeZone: try #require(TimeZone(identifier: "Asia/Kolkata"))) == "03:43")
        #expect(ClockText.time(instant + 47 * 60 + 39, timeZone: try #require(TimeZone(identifier: "UTC"))) == "23:00")
    }

    @Test(arguments: [(0, "00:00"), (9 * 60, "09:00"), (9 * 60 + 5, "09:05"), (23 * 60 + 59, "23:59")])
    func minuteOfDay(_ minutes: Int, _ text: String) {
        #expect(ClockText.time(minuteOfDay: minutes) == text)
    }

    @Test func reportsWriteTheSameClock() throws {
        let dubai = try #require(TimeZone(identifier: "Asia/Dubai"))
        #expect(ReportFormat.minute(instant, timeZone: dubai) == "2023-11-15 02:13")
    }
}
