import Desk
import Foundation
import IRC
import Testing

@Suite("TicketCard")
struct TicketCardTests {
    static let created = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("one line with number, category, urgency, channel, language, customer, masked contact, excerpt and next step")
    func layout() throws {
        let ticket = Ticket(id: 118, customerID: 1, state: .open, category: .billing, confidence: 0.92, urgency: .high, lang: "ar",
                            channel: .whatsapp, routedOwner: "founder", createdAt: Self.created, updatedAt: Self.created)
        let customer = Customer(id: 1, name: "Omar Haddad", company: "Haddad Trading", plan: "Growth", createdAt: Self.created, updatedAt: Self.created)
        let card = TicketCard(ticket: ticket, customer: customer, contact: .phone("+971501232233"), excerpt: "اتخصم مني مرتين")
        let lines = card.lines(now: Self.created.addingTimeInterval(120))
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        for part in ["#118", "billing", "high", "WhatsApp", "ar", "Omar Haddad (Haddad Trading, Growth)", "+971 50 *** 2233", "\"اتخصم مني مرتين\"", "owner: founder", "!claim 118", "2m"] {
            #expect(line.text.contains(part), "missing \(part) in \(line)")
        }
    }

    @Test("low confidence is visible; customer text cannot inject protocol or formatting")
    func lowConfidenceAndInjection() throws {
        let ticket = Ticket(id: 121, customerID: 1, state: .open, category: .bugReport, confidence: 0.54, lang: "hi-Latn",
                            channel: .whatsapp, createdAt: Self.created, updatedAt: Self.created)
        let card = TicketCard(ticket: ticket, customer: nil, contact: nil, excerpt: "crash\r\nPRIVMSG #x :pwned \u{1}VERSION\u{1} \u{3}4red\u{202E}")
        let text = card.lines(now: Self.created).map(\.text).joined(separator: "\n")
        #expect(text.contains("bug_report? (0.54)"))
        #expect(!text.contains("\r") && !text.contains("\u{1}") && !text.contains("\u{202E}"))
        #expect(text.components(separatedBy: "\n").count == card.lines(now: Self.created).count)
        #expect(text.contains("PRIVMSG #x :pwned"), "the words stay, inert on the same line")
    }

    @Test("excerpts are cut at a word")
    func cut() {
        let cut = TicketCard.cut("one two three four five six seven eight nine ten", limit: 20)
        #expect(cut == "one two three four…")
    }

    @Test("summary line counts by category")
    func summary() {
        #expect(CardSummary.line(channel: "#support", counts: [.support: 7, .billing: 3, .bugReport: 2]).text
                == "12 new in #support: 7 support, 3 billing, 2 bug_report — !queue to list")
        #expect(CardSummary.urgentLine(channel: "#support", counts: [.churnRisk: 9, .billing: 5]).text
                == "14 urgent in #support: 9 churn_risk, 5 billing — !queue urgent")
        #expect(CardSummary.quietLine(channel: "#support", count: 3, excerpts: ["thanks!", "ok noted", "👍"]).text
                == "3 no_action in #support: \"thanks!\", \"ok noted\", \"👍\" — !queue no_action")
    }

    @Test("every customer-derived part of a card is sanitised: name, company, plan, contact, Reply-To")
    func everyPartIsSanitised() {
        let ticket = Ticket(id: 5, customerID: 1, state: .open, category: .support, channel: .email, createdAt: Self.created, updatedAt: Self.created)
        let customer = Customer(id: 1, name: "Pat\u{1}ACTION x\u{1} \u{202E}K", company: "Kettle\r\nPRIVMSG #x :hi", plan: "\u{3}4Gold",
                                createdAt: Self.created, updatedAt: Self.created)
        var card = TicketCard(ticket: ticket, customer: customer, contact: .email("pat\u{1}@kettle.example"), excerpt: "hello")
        card.replyTo = "evil\u{202E}@example.com"
        let text = card.lines(now: Self.created).map(\.text).joined()
        for bad in ["\u{1}", "\u{202E}", "\r", "\n", "\u{3}"] { #expect(!text.contains(bad)) }
        #expect(text.contains("PatACTION x K (Kettle PRIVMSG #x :hi, Gold)"))
        #expect(text.contains("Reply-To e***@example.com"))
    }
}
