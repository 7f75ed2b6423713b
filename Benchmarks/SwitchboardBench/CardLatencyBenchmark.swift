import AsyncHTTPClient
import Desk
import Foundation
import IRCClient
import TestSupport

/// Webhook accepted → card on an agent's screen, through the real `switchboard serve` binary on the
/// project's InspIRCd + Atheme network, at a steady rate below the bot's flood limit.
///
/// The baseline, measured in the same run on the same network, is the IRC relay floor: one client's
/// PRIVMSG to the channel until another client receives it. The ratio shows what Switchboard adds
/// (handing the committed ticket to the desk, rendering the card, the card dispatcher and the flood
/// gate, which let a card on an idle desk through at once) on top of the IRC server itself.
enum CardLatencyBenchmark {
    static let samples = 20
    /// One webhook every 2 s against a flood gate of 5 lines, then one per second: well below the limit.
    static let interval: Duration = .seconds(2)

    static func run() async throws -> [BenchmarkRow] {
        try await ServeProcess.withNetwork("card") { net, folder in
            let serve = try ServeProcess.launch(folder: folder, net: net, httpPort: try FreePort.pick())
            defer { serve.stop() }
            let agent = ChannelRecorder(net: net, nick: "aisha", account: "aisha")
            // The relay's own flood gate must never hold a line, or the baseline would measure the gate.
            let relay = ChannelRecorder(net: net, nick: "relay", account: "founder")
            agent.start()
            relay.start()
            defer {
                agent.stop()
                relay.stop()
            }
            _ = try await serve.waitUntilIRCConnected()
            try await eventually("agents joined", timeout: .seconds(60), every: .milliseconds(5)) {
                guard await agent.client.isInChannel("#bench") else { return false }
                return await relay.client.isInChannel("#bench")
            }
            // Let the relay's gate refill after its JOIN and WHO lines.
            try await Task.sleep(for: .seconds(3))

            var relayLatencies: [Double] = []
            for index in 0..<samples {
                let tag = "relay-\(index)"
                let sent = ContinuousClock.now
                try await relay.client.sendText("[\(tag)] baseline line", to: "#bench")
                try await eventually(tag, timeout: .seconds(10), every: .milliseconds(5)) { agent.instant(ofTag: tag) != nil }
                relayLatencies.append(milliseconds(sent.duration(to: agent.instant(ofTag: tag)!)))
                try await Task.sleep(for: .milliseconds(600))
            }

            var cardLatencies: [Double] = []
            try await HTTPClient.withHTTPClient { client in
                for index in 0..<samples {
                    let tag = "card-\(index)"
                    let tick = ContinuousClock.now
                    let phone = "+9715055\(String(format: "%05d", index))"
                    let accepted = try await serve.postTwilio(
                        client: client, sid: String(format: "SMbenchcard%023d", index), phone: phone, name: "Bench \(index)",
                        text: "[\(tag)] the invoice for March shows the wrong VAT number")
                    try await eventually(tag, timeout: .seconds(20), every: .milliseconds(5)) { agent.instant(ofTag: tag) != nil }
                    cardLatencies.append(milliseconds(accepted.duration(to: agent.instant(ofTag: tag)!)))
                    try await Task.sleep(until: tick.advanced(by: interval))
                }
            }
            cardLatencies.sort()
            relayLatencies.sort()
            let (cardP50, cardP99) = (Percentile.nearestRank(50, sorted: cardLatencies) ?? .nan, Percentile.nearestRank(99, sorted: cardLatencies) ?? .nan)
            let (relayP50, relayP99) = (Percentile.nearestRank(50, sorted: relayLatencies) ?? .nan, Percentile.nearestRank(99, sorted: relayLatencies) ?? .nan)
            return [
                BenchmarkRow(name: "webhook→card latency p50 (\(samples) at 1 per \(interval))", unit: "ms", value: cardP50,
                             baselineName: "IRC relay p50", baseline: relayP50, higherIsBetter: false),
                BenchmarkRow(name: "webhook→card latency p99", unit: "ms", value: cardP99,
                             baselineName: "IRC relay p99", baseline: relayP99, higherIsBetter: false),
            ]
        }
    }
}
