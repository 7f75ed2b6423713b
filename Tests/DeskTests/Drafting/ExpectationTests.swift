import Desk
import Foundation
import Testing

@Suite("Expectations in drafts")
struct ExpectationTests {
    static let dubai = BusinessHours(timeZone: TimeZone(identifier: "Asia/Dubai")!, days: [1, 2, 3, 4, 5], opens: 9 * 60, closes: 18 * 60)

    static func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text + "+04:00")! }

    @Test("the promised time is business time from now, rounded up to the half hour, in the team's zone")
    func arithmetic() {
        let levels = ServiceLevels(updatePromise: .seconds(4 * 3600))
        #expect(Expectation.update(now: Self.at("2026-11-24T10:10:00"), hours: Self.dubai, levels: levels).due == Self.at("2026-11-24T14:30:00"))
        // Thursday 17:00: one hour today, three on Sunday.
        let thursday = Expectation.update(now: Self.at("2026-11-26T17:00:00"), hours: Self.dubai, levels: levels)
        #expect(thursday.due == Self.at("2026-11-29T12:00:00"))
        #expect(thursday.sentence(lang: "en") == "We're on it and will update you by 12:00 on Sunday.")
        #expect(thursday.sentence(lang: "ar") == "نعمل على طلبك وسنوافيك بالتحديث قبل الساعة 12:00 يوم الأحد.")
        let evening = Expectation.update(now: Self.at("2026-11-24T16:00:00"), hours: Self.dubai, levels: levels)
        #expect(evening.sentence(lang: "hi-Latn") == "Hum is par kaam kar rahe hain, kal 11:00 baje tak update denge.")
        #expect(evening.sentence(lang: "id") == "Kami sedang menanganinya dan akan memberi kabar paling lambat besok pukul 11:00.")
    }

    @Test("a draft that defers names the time; vague facts get the promise added; the guard never fires on a draft")
    func drafts() {
        let expectation = Expectation(due: Self.at("2026-11-25T15:00:00"), now: Self.at("2026-11-25T10:00:00"), timeZone: Self.dubai.timeZone)
        let drafter = ReplyDrafter(teamName: "Bazaarly Support")
        for lang in ["en", "ar", "hi-Latn", "ur-Latn", "id", "ms", "tl"] {
            for channel in [Channel.whatsapp, .email] {
                let plain = drafter.draft(customerName: "Omar Haddad", lang: lang, channel: channel, facts: nil, expectation: expectation)
                #expect(plain.text.contains("15:00"), "\(lang) \(channel): \(plain.text)")
                #expect(!VagueReplyGuard.isVague(plain.text), "\(lang) \(channel): \(plain.text)")
            }
        }
        let vague = drafter.draft(customerName: "Omar", lang: "en", channel: .whatsapp, facts: "we will check with the bank and get back to you",
                                  expectation: expectation)
        #expect(vague.text.contains("We will check with the bank and get back to you. We're on it and will update you by 15:00 today."))
        let specific = drafter.draft(customerName: "Omar", lang: "en", channel: .whatsapp, facts: "refund approved, 5 working days",
                                     expectation: expectation)
        #expect(!specific.text.contains("15:00"), "specific facts need no promise")
    }
}
