import Desk
import Foundation
import IRC
import IRCClient

/// Paces ticket cards per channel, behind everything people are waiting for.
///
/// - Ordinary cards leave at once while the flood gate keeps up (hardly anything waits to be written).
///   Only when arrivals outrun it do they gather, for a short window; a channel with more than
///   `summaryThreshold` waiting then gets one summary line instead.
/// - Urgent and churn cards leave at once, ahead of ordinary cards but behind command replies, while the
///   IRC client's backlog is short. When they pile up beyond what the flood gate drains in a few seconds,
///   the ones held back fold into one `N urgent in #channel` line.
/// - no_action cards are never posted one by one: they fold into a quiet line per channel with their
///   excerpts, so a wrong call is still seen and one `tag` away.
///
/// Memory stays bounded whatever arrives and however long IRC is away: beyond `summaryThreshold` a
/// channel keeps counts, not lines, because the cards themselves can be rebuilt from the database
/// (`queue`). While the client is disconnected its backlog counts as full, so an outage ends with
/// summaries, not with thousands of lines.
actor CardDispatcher {
    struct PendingCard: Sendable {
        enum Kind: Sendable { case ordinary, urgent, quiet }

        var lines: [IRCLine]
        var category: Desk.Category
        var kind: Kind
        /// The customer's words, for the quiet line.
        var excerpt = ""
    }

    struct Settings: Sendable {
        /// How long ordinary cards gather before a channel gets them (or one summary line).
        var window: Duration = .seconds(1)
        /// How long no_action cards gather before their quiet line.
        var quietWindow: Duration = .seconds(30)
        /// More cards than this for one channel at once become one summary line.
        var summaryThreshold = 5
        /// Urgent cards leave at once only while fewer lines than this wait at their priority or above:
        /// about what the flood gate sends in a few seconds.
        var urgentBacklog = 5
        /// Ordinary cards wait while this many lines wait at card priority or above.
        var cardBacklog = 10
        /// An ordinary card for a channel with nothing held leaves at once while fewer lines than this
        /// wait at card priority or above: about one card, so the gate is keeping up.
        var immediateBacklog = 3
        var commandPrefix = "!"
    }

    /// Cards held for one channel and one kind: the lines while they are few, counts always.
    struct Held: Sendable {
        var cards: [PendingCard] = []
        var counts: [Desk.Category: Int] = [:]
        var total = 0
        var since: ContinuousClock.Instant?
        /// Up to a handful of excerpts, for the quiet line.
        var excerpts: [String] = []

        mutating func add(_ card: PendingCard, keepingAtMost limit: Int, now: ContinuousClock.Instant) {
            total += 1
            counts[card.category, default: 0] += 1
            since = since ?? now
            if total <= limit { cards.append(card) } else { cards = [] }
            if excerpts.count < 3 { excerpts.append(card.excerpt) }
        }
    }

    private struct Key: Hashable {
        var channel: String
        var kind: PendingCard.Kind
    }

    private let output: any ChatOutput
    private let settings: Settings
    private var held: [Key: Held] = [:]
    private var draining: Task<Void, Never>?

    init(output: any ChatOutput, settings: Settings = Settings()) {
        self.output = output
        self.settings = settings
    }

    func post(_ card: PendingCard, to channel: String) async {
        let key = Key(channel: channel, kind: card.kind)
        if held[key] == nil, let priority = await immediatePriority(for: card.kind) {
            for line in card.lines { await output.say(line, to: channel, priority: priority) }
            return
        }
        held[key, default: Held()].add(card, keepingAtMost: settings.summaryThreshold, now: .now)
        if draining == nil {
            draining = Task { await self.drain() }
        }
    }

    /// The priority a card goes out at right now, or nil when it has to be held.
    private func immediatePriority(for kind: PendingCard.Kind) async -> OutboundPriority? {
        switch kind {
        case .urgent: await output.backlog(atMost: .urgentCard) < settings.urgentBacklog ? .urgentCard : nil
        case .ordinary: await output.backlog(atMost: .card) < settings.immediateBacklog ? .card : nil
        case .quiet: nil
        }
    }

    /// Sends what is due while anything is held, then ends.
    private func drain() async {
        while !held.isEmpty {
            try? await Task.sleep(for: .milliseconds(200))
            if Task.isCancelled { break }
            await flushDue()
        }
        draining = nil
    }

    /// Lines held in memory across every channel: bounded by the summary threshold, whatever arrives.
    var heldLineCount: Int { held.values.reduce(0) { $0 + $1.cards.reduce(0) { $0 + $1.lines.count } + $1.excerpts.count } }

    /// Everything held goes out now if the client can take it (tests and shutdown).
    func flush() async {
        await flushDue(ignoringWindows: true)
    }

    private func flushDue(ignoringWindows: Bool = false) async {
        let now = ContinuousClock.now
        // Urgent first, then ordinary, then quiet; channels in a stable order.
        let order: [PendingCard.Kind] = [.urgent, .ordinary, .quiet]
        for kind in order {
            for key in held.keys.filter({ $0.kind == kind }).sorted(by: { $0.channel < $1.channel }) {
                guard let batch = held[key], let since = batch.since else { continue }
                // Nothing overtakes a channel's held urgent cards: its summary waits until they are out.
                if kind != .urgent, held[Key(channel: key.channel, kind: .urgent)] != nil { continue }
                let window: Duration? = switch kind {
                case .urgent: nil
                case .ordinary: settings.window
                case .quiet: settings.quietWindow
                }
                if let window, !ignoringWindows, since.advanced(by: window) > now { continue }
                let priority: OutboundPriority = kind == .urgent ? .urgentCard : .card
                let limit = kind == .urgent ? settings.urgentBacklog : settings.cardBacklog
                guard await output.backlog(atMost: priority) < limit else { continue }
                held[key] = nil
                for line in lines(for: batch, kind: kind, channel: key.channel) {
                    await output.say(line, to: key.channel, priority: priority)
                }
            }
        }
    }

    private func lines(for batch: Held, kind: PendingCard.Kind, channel: String) -> [IRCLine] {
        let prefix = settings.commandPrefix
        switch kind {
        case .quiet:
            return [CardSummary.quietLine(channel: channel, count: batch.total, excerpts: batch.excerpts, commandPrefix: prefix)]
        case .urgent where batch.total > settings.summaryThreshold:
            return [CardSummary.urgentLine(channel: channel, counts: batch.counts, commandPrefix: prefix)]
        case .ordinary where batch.total > settings.summaryThreshold:
            return [CardSummary.line(channel: channel, counts: batch.counts, commandPrefix: prefix)]
        case .urgent, .ordinary:
            return batch.cards.flatMap(\.lines)
        }
    }
}
