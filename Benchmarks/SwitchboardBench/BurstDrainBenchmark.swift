import AsyncHTTPClient
import Desk
import Foundation
import IRCClient
import TestSupport
import Triage

/// A burst: 40 customers' WhatsApp messages posted to the real `switchboard serve` at once, timed from
/// the first request until an agent's IRC client has seen every resulting ticket — as its own card or
/// counted in a summary line — with the lines and tickets counted from what the agent received.
///
/// The bot may send `burst` lines at once, then one per interval (its token bucket, `irc.flood`, here
/// 5 then 1/s, under InspIRCd's own limit in scripts/testnet: 10 s of penalty, then 1 command/s).
/// The baseline is what that bucket allows, computed for the same run's line count: the L-th line can
/// leave no earlier than (L − 5) × 1 s after the first. Two bursts:
/// - urgent messages: every card is a priority card, posted at once and one by one, so the drain is
///   bound by the bucket; the ratio says how close to the flood limit the bot drains.
/// - ordinary messages: the card dispatcher gathers them for 1 s and posts one summary line instead of
///   40 cards; the baseline is the bucket's floor for one card line per ticket, what a bot that posts
///   every card would need at best.
enum BurstDrainBenchmark {
    static let burst = 40

    struct Drain {
        var seconds: Double
        var lines: Int
        var tickets: Int
    }

    static func run() async throws -> [BenchmarkRow] {
        let model = try TriageModel.load()
        let urgent = try priorityTexts(model: model)
        let ordinary = try ServeFootprintBenchmark.ordinaryTexts()
        return try await ServeProcess.withNetwork("burst") { net, folder in
            let serve = try ServeProcess.launch(folder: folder, net: net, httpPort: try FreePort.pick())
            defer { serve.stop() }
            let agent = ChannelRecorder(net: net, nick: "aisha", account: "aisha")
            agent.start()
            defer { agent.stop() }
            _ = try await serve.waitUntilIRCConnected()
            try await eventually("the agent joined", timeout: .seconds(60), every: .milliseconds(5)) { await agent.client.isInChannel("#bench") }
            // The bot's bucket refills after its JOIN and WHO lines.
            let refill = ServeProcess.floodInterval * (ServeProcess.floodBurst + 3)
            try await Task.sleep(for: refill)
            let urgentDrain = try await drain(texts: urgent, tag: "u", serve: serve, agent: agent)
            try await Task.sleep(for: refill)
            let ordinaryDrain = try await drain(texts: (0..<burst).map { ordinary[$0 * 37 % ordinary.count] }, tag: "n", serve: serve, agent: agent)
            let gate = "flood-gate floor"
            return [
                BenchmarkRow(name: "burst: \(burst) urgent tickets → \(urgentDrain.lines) card lines, drained in", unit: "s",
                             value: urgentDrain.seconds, baselineName: "\(gate), \(urgentDrain.lines) lines",
                             baseline: floor(lines: urgentDrain.lines), higherIsBetter: false),
                BenchmarkRow(name: "burst: \(burst) ordinary tickets → \(ordinaryDrain.lines) summary line(s), drained in", unit: "s",
                             value: ordinaryDrain.seconds, baselineName: "\(gate), one line per ticket",
                             baseline: floor(lines: burst), higherIsBetter: false),
            ]
        }
    }

    /// Seconds the bot's bucket needs, at least, between sending the first and the `lines`-th line.
    static func floor(lines: Int) -> Double {
        Double(max(0, lines - ServeProcess.floodBurst)) * ServeProcess.floodInterval.timeInterval
    }

    /// Short corpus messages the shipped model calls urgent: every one a priority card.
    static func priorityTexts(model: TriageModel) throws -> [String] {
        let corpus = try TrainingSources(corpusDirectory: TestNetwork.repositoryRoot.appendingPathComponent("Data/triage/corpus")).load()
        let texts = corpus.map(\.text).filter { text in
            let result = model.classify(text: "[b-u-00] " + text, channel: .whatsapp)
            return text.utf8.count <= 120 && result.urgency == .high && result.category != .noAction
        }
        guard texts.count >= burst else { throw BenchFailure("only \(texts.count) short urgent messages in the corpus") }
        return Array(texts.prefix(burst))
    }

    static func drain(texts: [String], tag: String, serve: ServeProcess, agent: ChannelRecorder) async throws -> Drain {
        let start = ContinuousClock.now
        try await HTTPClient.withHTTPClient { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, text) in texts.enumerated() {
                    group.addTask {
                        try await serve.postTwilio(
                            client: client, sid: "SMburst" + tag + String(format: "%026d", index),
                            phone: "+9665" + (tag == "u" ? "1" : "2") + String(format: "%07d", index),
                            name: "Burst \(index)", text: "[b-\(tag)-\(String(format: "%02d", index))] \(text)")
                    }
                }
                try await group.waitForAll()
            }
        }
        var seen: (lines: [ChannelRecorder.Line], tickets: Int) = ([], 0)
        try await eventually("\(texts.count) tickets on the agent's screen", timeout: .seconds(180), every: .milliseconds(5)) {
            let lines = agent.lines(from: "benchbot", after: start)
            seen = (lines, lines.reduce(0) { $0 + tickets(in: $1.text, tag: tag) })
            return seen.tickets >= texts.count
        }
        let last = seen.lines.map(\.at).max() ?? start
        return Drain(seconds: start.duration(to: last).timeInterval, lines: seen.lines.count, tickets: seen.tickets)
    }

    /// How many of this burst's tickets a line shows: one for a card carrying the burst's tag, N for a
    /// summary line "N new in #bench: …".
    static func tickets(in line: String, tag: String) -> Int {
        if line.contains("[b-\(tag)-") { return 1 }
        guard let range = line.range(of: " new in #bench") else { return 0 }
        return Int(line[..<range.lowerBound]) ?? 0
    }
}
