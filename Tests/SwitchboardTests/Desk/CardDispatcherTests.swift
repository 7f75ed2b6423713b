import Desk
import Foundation
import IRC
import IRCClient
@testable import Switchboard
import Synchronization
import Testing
import TestSupport

/// Card pacing without a server: an output whose backlog the test sets, as a disconnected or busy IRC
/// client would report it.
@Suite("CardDispatcher")
struct CardDispatcherTests {
    final class PacedOutput: ChatOutput {
        let said = Mutex<[(text: String, priority: OutboundPriority)]>([])
        let waiting = Mutex(0)
        func say(_ line: IRCLine, to target: String, priority: OutboundPriority, account: String?) async {
            said.withLock { $0.append((line.text, priority)) }
        }
        func backlog(atMost priority: OutboundPriority) async -> Int { waiting.withLock { $0 } }
        var texts: [String] { said.withLock { $0.map(\.text) } }
    }

    static func card(_ id: Int, _ kind: CardDispatcher.PendingCard.Kind, _ category: Desk.Category = .support) -> CardDispatcher.PendingCard {
        .init(lines: ["#\(id) \(botText: category.rawValue) · \("customer \(id)")"], category: category, kind: kind, excerpt: "text \(id)")
    }

    @Test("while IRC is away nothing is sent, and 5,000 cards end as three summary lines")
    func outageEndsWithSummaries() async throws {
        let output = PacedOutput()
        output.waiting.withLock { $0 = .max }
        let cards = CardDispatcher(output: output, settings: .init(window: .milliseconds(50), quietWindow: .milliseconds(50)))
        for id in 1...5000 {
            let kind: CardDispatcher.PendingCard.Kind = id % 10 == 0 ? .urgent : id % 7 == 0 ? .quiet : .ordinary
            await cards.post(Self.card(id, kind, kind == .urgent ? .churnRisk : .support), to: "#support")
        }
        try await Task.sleep(for: .milliseconds(500))
        #expect(output.texts.isEmpty, "nothing leaves while the client cannot send")
        #expect(await cards.heldLineCount <= 3 * 5, "held lines stay bounded: counts, not cards")

        output.waiting.withLock { $0 = 0 }
        try await eventually("the summaries") { output.texts.count >= 3 }
        try await Task.sleep(for: .milliseconds(300))
        let texts = output.texts
        #expect(texts.count == 3)
        #expect(texts[0].hasPrefix("500 urgent in #support: 500 churn_risk — !queue urgent"))
        #expect(texts.contains { $0.hasPrefix("3857 new in #support: 3857 support") })
        #expect(texts.contains { $0.hasPrefix("643 no_action in #support: \"text 7\", \"text 14\", \"text 21\" and 640 more") })
        #expect(output.said.withLock { $0[0].priority } == .urgentCard)
    }

    @Test("urgent cards leave at once while the backlog is short, and fold when it is not")
    func urgentFolding() async throws {
        let output = PacedOutput()
        let cards = CardDispatcher(output: output)
        await cards.post(Self.card(1, .urgent), to: "#support")
        #expect(output.texts == ["#1 support · customer 1"])
        output.waiting.withLock { $0 = 5 }
        for id in 2...9 { await cards.post(Self.card(id, .urgent, .billing), to: "#support") }
        #expect(output.texts.count == 1, "held while five lines wait")
        output.waiting.withLock { $0 = 0 }
        try await eventually("the fold") { output.texts.count == 2 }
        #expect(output.texts[1] == "8 urgent in #support: 8 billing — !queue urgent")
    }

    @Test("a channel's summary never overtakes its held urgent cards")
    func summaryWaitsForUrgent() async throws {
        let output = PacedOutput()
        let cards = CardDispatcher(output: output, settings: .init(window: .milliseconds(10), immediateBacklog: 0))
        output.waiting.withLock { $0 = 7 } // enough for urgent cards to be held, not for ordinary ones to wait
        await cards.post(Self.card(1, .urgent), to: "#support")
        for id in 2...9 { await cards.post(Self.card(id, .ordinary), to: "#support") }
        try await Task.sleep(for: .milliseconds(600)) // proving a negative: the ordinary window passes, nothing leaves
        #expect(output.texts.isEmpty, "\(output.texts)")
        output.waiting.withLock { $0 = 0 }
        try await eventually("both") { output.texts.count == 2 }
        #expect(output.texts[0] == "#1 support · customer 1")
        #expect(output.texts[1].hasPrefix("8 new in #support"))
    }
}
