import Desk
import Foundation
import Testing

@Suite struct DurationTextTests {
    @Test(arguments: [
        (0.0, "0s"), (-30, "0s"), (45, "45s"), (59.6, "1m"), (60, "1m"), (42 * 60 + 10, "42m"), (3600, "1h"),
        (3 * 3600 + 10 * 60, "3h 10m"), (3 * 3600 + 59, "3h"), (23 * 3600 + 59 * 60 + 59, "23h 59m"), (86_400, "1d"),
        (26 * 3600 + 59 * 60, "1d 2h"), (48 * 3600, "2d"), (77 * 3600, "3d 5h"),
    ] as [(TimeInterval, String)])
    func words(_ seconds: TimeInterval, _ text: String) {
        #expect(DurationText.words(seconds) == text)
    }

    @Test func reportsAndCardAgesSayTheSame() {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(TicketCard.age(from: start, to: start + 59) == "just now")
        #expect(TicketCard.age(from: start, to: start - 600) == "just now")
        #expect(TicketCard.age(from: start, to: start + 3 * 3600) == "3h")
        #expect(TicketCard.age(from: start, to: start + 77 * 3600) == "3d 5h")
        #expect(ReportFormat.duration(77 * 3600) == DurationText.words(77 * 3600))
    }

    @Test func parsesWhatConfigAndCommandsWrite() {
        #expect(DurationText.seconds("90s") == 90)
        #expect(DurationText.seconds(" 7D ") == 7 * 86_400)
        #expect(DurationText.seconds("1y") == nil)
    }
}
