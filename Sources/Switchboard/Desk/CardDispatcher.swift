import Desk
import Foundation
import IRCClient

/// Paces ticket cards per channel. Cards gather for a short window; a channel with more than
/// `summaryThreshold` waiting gets one summary line instead, while urgent and churn cards still go out
/// one by one and ahead of everything else, so a burst never floods a channel or buries what matters.
actor CardDispatcher {
    struct PendingCard: Sendable {
        var lines: [String]
        var category: Desk.Category
        var isPriority: Bool
    }

    private let output: any ChatOutput
    private let window: Duration
    private let summaryThreshold: Int
    private let commandPrefix: String
    private var pending: [String: [PendingCard]] = [:]
    private var flushScheduled = false

    init(output: any ChatOutput, window: Duration = .seconds(1), summaryThreshold: Int = 5, commandPrefix: String = "!") {
        self.output = output
        self.window = window
        self.summaryThreshold = summaryThreshold
        self.commandPrefix = commandPrefix
    }

    func post(_ card: PendingCard, to channel: String) async {
        if card.isPriority {
            // Urgent and churn cards skip the window entirely.
            for line in card.lines { await output.say(line, to: channel, priority: .commandReply) }
            return
        }
        pending[channel, default: []].append(card)
        guard !flushScheduled else { return }
        flushScheduled = true
        Task {
            try? await Task.sleep(for: window)
            await flush()
        }
    }

    func flush() async {
        flushScheduled = false
        let batches = pending
        pending = [:]
        for (channel, cards) in batches.sorted(by: { $0.key < $1.key }) {
            if cards.count > summaryThreshold {
                let counts = Dictionary(cards.map { ($0.category, 1) }, uniquingKeysWith: +)
                await output.say(CardSummary.line(channel: channel, counts: counts, commandPrefix: commandPrefix), to: channel, priority: .card)
            } else {
                for card in cards {
                    for line in card.lines { await output.say(line, to: channel, priority: .card) }
                }
            }
        }
    }
}
