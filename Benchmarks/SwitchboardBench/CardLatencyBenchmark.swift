import AsyncHTTPClient
import Desk
import Foundation
import IRCClient
import NIOCore
import NIOHTTP1
import Synchronization
import TestSupport
import WhatsApp

/// Webhook accepted → card on an agent's screen, through the real `switchboard serve` binary on the
/// project's InspIRCd + Atheme network, at a steady rate below the bot's flood limit.
///
/// The baseline, measured in the same run on the same network, is the IRC relay floor: one client's
/// PRIVMSG to the channel until another client receives it. The ratio shows what Switchboard adds
/// (commit, triage, routing, the card dispatcher's 1 s gathering window that turns bursts into summary
/// lines, the flood gate) on top of the IRC server itself.
enum CardLatencyBenchmark {
    static let token = "bench-card-token-5e4d3c2b1a09f8e7"
    static let samples = 20
    /// One webhook every 2 s against a flood gate of 5 lines, then one per second: well below the limit.
    static let interval: Duration = .seconds(2)

    /// Arrival times of lines carrying a `[tag]`, shared between the event reader and the measurer.
    final class Arrivals: Sendable {
        private let seen = Mutex<[String: ContinuousClock.Instant]>([:])
        func record(_ text: String, at instant: ContinuousClock.Instant) {
            guard let open = text.firstIndex(of: "["), let close = text[open...].firstIndex(of: "]") else { return }
            let tag = String(text[text.index(after: open)..<close])
            seen.withLock { if $0[tag] == nil { $0[tag] = instant } }
        }
        func instant(of tag: String) -> ContinuousClock.Instant? { seen.withLock { $0[tag] } }
    }

    static func run() async throws -> [BenchmarkRow] {
        guard let binary = binaryPath() else {
            throw BenchFailure("build switchboard first (make bench does: swift build -c release --product switchboard)")
        }
        let net = try await TestNetwork.start()
        defer { Task { try? await net.stop() } }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-bench-card-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let httpPort = try FreePort.pick()
        let config = folder.appendingPathComponent("bench.yaml").path
        try """
            irc:
              host: localhost
              port: \(net.info.tls_port ?? 0)
              tls: true
              ca_file: \(net.info.ca_file ?? "")
              nick: benchbot
              sasl: {mechanism: PLAIN, account: switchboard, password: "${IRC_PASSWORD}"}
              channels: ["#bench"]
              flood: {burst: 5, interval: 1s}
            http: {bind: "127.0.0.1:\(httpPort)", public_url: "https://support.example.test"}
            storage: {path: \(folder.path)/bench.sqlite}
            whatsapp:
              twilio: {account_sid: AC0123456789abcdef0123456789abcdef, auth_token: "${TWILIO_AUTH_TOKEN}", from: "whatsapp:+14155238886"}
            routing:
              - {default: true, channel: "#bench", team: support}
            agents:
              - {account: aisha, teams: [support], role: agent}
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let serve = Process()
        serve.executableURL = URL(fileURLWithPath: binary)
        serve.arguments = ["serve", "--config", config]
        serve.environment = ProcessInfo.processInfo.environment.merging(
            ["IRC_PASSWORD": net.password("switchboard"), "TWILIO_AUTH_TOKEN": token]) { $1 }
        let log = folder.appendingPathComponent("serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        serve.standardOutput = try FileHandle(forWritingTo: log)
        serve.standardError = try FileHandle(forWritingTo: log)
        try serve.run()
        defer { serve.terminate(); serve.waitUntilExit() }

        let arrivals = Arrivals()
        let agent = IRCClient(configuration: net.configuration(nick: "aisha", account: "aisha", channels: ["#bench"]))
        // The relay's own flood gate must never hold a line, or the baseline would measure the gate.
        let relay = IRCClient(configuration: net.configuration(nick: "relay", account: "founder", channels: ["#bench"],
                                                               floodBurst: 4, floodInterval: .milliseconds(500)))
        let agentRun = Task { await agent.run() }
        let relayRun = Task { await relay.run() }
        let reader = Task {
            for await event in agent.events {
                if case .message(let message) = event { arrivals.record(message.text, at: .now) }
            }
        }
        defer {
            reader.cancel()
            agentRun.cancel()
            relayRun.cancel()
        }
        do {
            try await waitUntil("agents joined and the bot connected", timeout: .seconds(60)) {
                guard await agent.isInChannel("#bench"), await relay.isInChannel("#bench") else { return false }
                return try await healthReportsIRCConnected(port: httpPort)
            }
        } catch {
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw BenchFailure("\(error); serve said:\n\(output.suffix(2000))")
        }
        // Let the relay's gate refill after its JOIN and WHO lines.
        try await Task.sleep(for: .seconds(3))

        var relayLatencies: [Double] = []
        for index in 0..<samples {
            let tag = "relay-\(index)"
            let sent = ContinuousClock.now
            try await relay.sendText("[\(tag)] baseline line", to: "#bench")
            try await waitUntil(tag, timeout: .seconds(10)) { arrivals.instant(of: tag) != nil }
            relayLatencies.append(milliseconds(sent.duration(to: arrivals.instant(of: tag)!)))
            try await Task.sleep(for: .milliseconds(600))
        }

        var cardLatencies: [Double] = []
        try await HTTPClient.withHTTPClient { client in
            for index in 0..<samples {
                let tag = "card-\(index)"
                let tick = ContinuousClock.now
                let accepted = try await postWebhook(client: client, port: httpPort, index: index, text: "[\(tag)] the invoice for March shows the wrong VAT number")
                try await waitUntil(tag, timeout: .seconds(20)) { arrivals.instant(of: tag) != nil }
                cardLatencies.append(milliseconds(accepted.duration(to: arrivals.instant(of: tag)!)))
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

    /// Returns when the webhook was answered 200: from then on, the message is Switchboard's.
    static func postWebhook(client: HTTPClient, port: Int, index: Int, text: String) async throws -> ContinuousClock.Instant {
        let sid = String(format: "SMbenchcard%023d", index)
        let phone = "+9715055\(String(format: "%05d", index))"
        let params = [("MessageSid", sid), ("SmsMessageSid", sid), ("AccountSid", "AC0123456789abcdef0123456789abcdef"),
                      ("From", "whatsapp:" + phone), ("To", "whatsapp:+14155238886"), ("Body", text), ("NumMedia", "0"),
                      ("ProfileName", "Bench \(index)"), ("WaId", String(phone.dropFirst()))]
        let path = "/webhooks/twilio"
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "X-Twilio-Signature", value: TwilioSignature.expected(
            url: "https://support.example.test" + path, parameters: params, authToken: token))
        request.body = .bytes(ByteBuffer(string: params.map { "\(formEscape($0.0))=\(formEscape($0.1))" }.joined(separator: "&")))
        let response = try await client.execute(request, timeout: .seconds(10))
        guard response.status == .ok else { throw BenchFailure("webhook answered \(response.status)") }
        _ = try await response.body.collect(upTo: 1 << 16)
        return .now
    }

    static func healthReportsIRCConnected(port: Int) async throws -> Bool {
        let request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/healthz")
        guard let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2)),
              let body = try? await response.body.collect(upTo: 1 << 16) else { return false }
        return String(buffer: body).contains("\"connected\"")
    }

    static func formEscape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? text
    }

    static func binaryPath() -> String? {
        let candidates = [ProcessInfo.processInfo.environment["SWITCHBOARD_BIN"], ".build/release/switchboard"].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func waitUntil(_ what: String, timeout: Duration, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw BenchFailure("timed out waiting for \(what)")
    }

    static func milliseconds(_ duration: Duration) -> Double {
        duration.timeInterval * 1000
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
