import AsyncHTTPClient
import Desk
import Foundation
import GRDB
import IRCClient
import TestSupport
import Triage

/// What the release `switchboard serve` costs in memory and start-up time, empty and after it has
/// ingested 100,000 tickets itself, on the project's InspIRCd + Atheme network with IRC connected.
///
/// - Memory: VmRSS (and the peak, VmHWM) from /proc/PID/status after 100,000 distinct customers each sent
///   one WhatsApp message through the real `POST /webhooks/twilio` (signed as Twilio signs, 64 requests
///   in flight, each answered only once committed to the SQLite file with an fsync together with its
///   triage, route and timers, then announced), against the RSS of the same binary just after start-up on the empty database,
///   measured in the same run.
/// - Start-up: exec → first `/healthz` 200 (the database took a write) and exec → `/healthz` reporting
///   the IRC client registered (TLS, SASL, 001), median of restarts on the empty and on the 100k-ticket
///   database. Baselines: for health, the process floor, `switchboard --help` from exec to exit (dynamic
///   loading, the Swift runtime, argument parsing); for IRC, the same client library's connect→001 on the
///   same server from an already running process (the handshake and the server's own registration delay).
///
/// The messages are corpus texts the shipped model triages as neither urgent nor churn nor no_action, so
/// each becomes an ordinary ticket whose card the dispatcher folds into a summary line: urgent and churn
/// cards go out one by one at the flood gate's pace, and at the bench's rate of thousands per second a
/// realistic share of them would queue thousands of lines in the bot, measuring the bench, not serve.
///
/// End to end: after the 100,000, another fifth of that is sent and timed until every one of those
/// tickets is on an agent's screen (its card, or counted in a summary line), against one fsync'd
/// transaction at a time on the same disk.
enum ServeFootprintBenchmark {
    static var tickets: Int { Int(ProcessInfo.processInfo.environment["BENCH_SERVE_TICKETS"] ?? "") ?? 100_000 }
    static let restarts = 5

    struct StartUp {
        var healthy: Double
        var registered: Double
    }

    static func run() async throws -> [BenchmarkRow] {
        try await ServeProcess.withNetwork("serve") { net, folder in
            let port = try FreePort.pick()
            _ = try ServeProcess.writeConfig(folder: folder, net: net, httpPort: port)
            let floor = try processFloor()
            let handshake = try await registrationFloor(net: net)
            // The first start creates the database and runs the migrations: not timed.
            _ = try await startUp(folder: folder, net: net, port: port)
            let empty = try await medianStartUp(folder: folder, net: net, port: port)

            let serve = try ServeProcess.launch(folder: folder, net: net, httpPort: port)
            defer { serve.stop() }
            let agent = ChannelRecorder(net: net, nick: "aisha", account: "aisha")
            agent.start()
            defer { agent.stop() }
            _ = try await serve.waitUntilIRCConnected()
            try await eventually("the agent joined", timeout: .seconds(60)) { await agent.client.isInChannel("#bench") }
            try await Task.sleep(for: .seconds(2))
            let idle = try serve.memory()
            let count = tickets
            let load = try IntakeLoad(serve: serve, prefix: "rss")
            let fill = try await ingest(count, load: load, serve: serve)
            try await Task.sleep(for: .seconds(2))
            let loaded = try serve.memory()
            // End to end into the full desk: answered (triaged, committed, routed, timed) and on the
            // agent's screen, as a card or counted in a summary line.
            let more = max(1, count / 5)
            let shownBefore = shownTickets(agent.lines(from: "benchbot", after: serve.launched))
            let started = ContinuousClock.now
            _ = try await ingest(more, load: load, serve: serve)
            try await eventually("\(more) more tickets on the agent's screen", timeout: .seconds(300), every: .milliseconds(5)) {
                shownTickets(agent.lines(from: "benchbot", after: serve.launched)) >= shownBefore + more
            }
            let endToEnd = Double(more) / started.duration(to: .now).timeInterval
            let after = try serve.memory()
            serve.stop()
            let fsyncFloor = try WebhookBenchmark.fsyncFloor(folder: folder)
            FileHandle.standardError.write(Data(String(format: "  serve: %.0f tickets/s filling, %.0f/s end to end into the full desk; RSS %.1f MiB idle, %.1f MiB full, %.1f MiB after, peak %.1f MiB\n",
                                                       fill, endToEnd, idle.rss, loaded.rss, after.rss, after.peak).utf8))
            let full = try await medianStartUp(folder: folder, net: net, port: port)
            let size = count >= 1000 ? "\(count / 1000)k" : "\(count)"
            let help = "`switchboard --help` exec→exit"
            let registration = "IRCClient connect→registered"
            return [
                BenchmarkRow(name: "end to end into a desk holding \(size): webhook → card, \(more) tickets", unit: "tickets/s",
                             value: endToEnd, baselineName: "one fsync'd transaction at a time", baseline: fsyncFloor, higherIsBetter: true),
                BenchmarkRow(name: "serve RSS after ingesting \(size) tickets via webhook", unit: "MiB", value: loaded.rss,
                             baselineName: "RSS after start-up, empty DB", baseline: idle.rss, higherIsBetter: false),
                BenchmarkRow(name: "serve RSS after \(more) more, end to end", unit: "MiB", value: after.rss,
                             baselineName: "RSS after start-up, empty DB", baseline: idle.rss, higherIsBetter: false),
                BenchmarkRow(name: "serve peak RSS (VmHWM) during both ingests", unit: "MiB", value: after.peak,
                             baselineName: "RSS after start-up, empty DB", baseline: idle.rss, higherIsBetter: false),
                BenchmarkRow(name: "serve start-up → /healthz 200, empty DB", unit: "ms", value: empty.healthy,
                             baselineName: help, baseline: floor, higherIsBetter: false),
                BenchmarkRow(name: "serve start-up → /healthz 200, \(size) tickets", unit: "ms", value: full.healthy,
                             baselineName: help, baseline: floor, higherIsBetter: false),
                BenchmarkRow(name: "serve start-up → IRC registered, empty DB", unit: "ms", value: empty.registered,
                             baselineName: registration, baseline: handshake, higherIsBetter: false),
                BenchmarkRow(name: "serve start-up → IRC registered, \(size) tickets", unit: "ms", value: full.registered,
                             baselineName: registration, baseline: handshake, higherIsBetter: false),
            ]
        }
    }

    // MARK: Start-up

    /// Median milliseconds of `switchboard --help` from exec to exit.
    static func processFloor() throws -> Double {
        guard let binary = ServeProcess.binaryPath() else { throw BenchFailure("build switchboard first") }
        return try ReportBenchmark.milliseconds(runs: restarts) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["--help"]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        }
    }

    /// Median milliseconds from connect to 001 of the IRC client library alone, in this process, on the
    /// same server with the same TLS and SASL: the part of serve's IRC start-up that is the handshake and
    /// the server (InspIRCd in scripts/testnet holds every registration for about a second).
    static func registrationFloor(net: TestNetwork) async throws -> Double {
        var samples: [Double] = []
        for _ in 0..<restarts {
            let client = IRCClient(configuration: net.configuration(nick: "probe", account: "founder"))
            let started = ContinuousClock.now
            let run = Task { await client.run() }
            try await eventually("the probe client registered", timeout: .seconds(30), every: .milliseconds(5)) { await client.state == .connected }
            samples.append(milliseconds(started.duration(to: .now)))
            await client.shutdown()
            run.cancel()
            _ = await run.value
        }
        return samples.sorted()[restarts / 2]
    }

    static func startUp(folder: URL, net: TestNetwork, port: Int) async throws -> StartUp {
        let serve = try ServeProcess.launch(folder: folder, net: net, httpPort: port)
        defer { serve.stop() }
        let healthy = try await serve.waitUntilHealthy()
        let registered = try await serve.waitUntilIRCConnected()
        return StartUp(healthy: milliseconds(serve.launched.duration(to: healthy)),
                       registered: milliseconds(serve.launched.duration(to: registered)))
    }

    static func medianStartUp(folder: URL, net: TestNetwork, port: Int) async throws -> StartUp {
        var runs: [StartUp] = []
        for _ in 0..<restarts { runs.append(try await startUp(folder: folder, net: net, port: port)) }
        return StartUp(healthy: runs.map(\.healthy).sorted()[restarts / 2], registered: runs.map(\.registered).sorted()[restarts / 2])
    }

    // MARK: Ingest

    /// Corpus texts the shipped model makes ordinary tickets of (see the type's comment).
    static func ordinaryTexts() throws -> [String] {
        let corpus = try TrainingSources(corpusDirectory: TestNetwork.repositoryRoot.appendingPathComponent("Data/triage/corpus")).load()
        let model = try TriageModel.load()
        return corpus.map(\.text).filter { text in
            let result = model.classify(text: text + " #12345", channel: .whatsapp)
            return text.count <= 300 && result.urgency != .high && ![.churnRisk, .noAction].contains(result.category)
        }
    }

    /// Sends `count` messages from `count` new customers, 64 in flight, requests built 10,000 at a time
    /// outside the clock; returns tickets per second. Progress on stderr.
    static func ingest(_ count: Int, load: IntakeLoad, serve: ServeProcess) async throws -> Double {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = WebhookBenchmark.concurrency
        var sent = 0
        var elapsed = Duration.zero
        try await HTTPClient.withHTTPClient(configuration: configuration) { client in
            while sent < count {
                let requests = load.webhooks(count: min(10_000, count - sent))
                let started = ContinuousClock.now
                _ = try await load.throughput(client: client, requests: requests, concurrency: WebhookBenchmark.concurrency)
                elapsed += started.duration(to: .now)
                sent += requests.count
                let rss = (try? serve.memory().rss) ?? .nan
                FileHandle.standardError.write(Data(String(format: "  serve ingest: %d/%d tickets, %.0f/s, RSS %.1f MiB\n",
                                                           sent, count, Double(sent) / elapsed.timeInterval, rss).utf8))
            }
        }
        return Double(count) / elapsed.timeInterval
    }

    /// Tickets shown in the bot's lines: one per card, and each summary line's count.
    static func shownTickets(_ lines: [ChannelRecorder.Line]) -> Int {
        lines.reduce(0) { total, line in
            if line.text.contains("!claim") { return total + 1 }
            guard line.text.contains(" new in #bench") else { return total }
            return total + (Int(line.text.prefix { $0.isNumber }) ?? 0)
        }
    }
}
