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
///   one WhatsApp message through the real `POST /webhooks/twilio` (signed as Twilio signs, 16 requests
///   in flight, each answered only once committed to the SQLite file with an fsync, then triaged, routed
///   and announced), against the RSS of the same binary just after start-up on the empty database,
///   measured in the same run.
/// - Start-up: exec → first `/healthz` 200 (the database took a write) and exec → `/healthz` reporting
///   the IRC client registered (TLS, SASL, 001), median of restarts on the empty and on the 100k-ticket
///   database. Baselines: for health, the process floor, `switchboard --help` from exec to exit (dynamic
///   loading, the Swift runtime, argument parsing); for IRC, the same client library's connect→001 on the
///   same server from an already running process (the handshake and the server's own registration delay).
///
/// The messages are corpus texts the shipped model triages as neither urgent nor churn nor no_action, so
/// each becomes an ordinary ticket whose card the dispatcher folds into a summary line: urgent and churn
/// cards go out one by one at the flood gate's pace, and at the bench's rate of hundreds per second a
/// realistic share of them would queue thousands of lines in the bot, measuring the bench, not serve.
enum ServeFootprintBenchmark {
    static var tickets: Int { Int(ProcessInfo.processInfo.environment["BENCH_SERVE_TICKETS"] ?? "") ?? 100_000 }
    static let concurrency = 16
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
            _ = try await serve.waitUntilIRCConnected()
            try await Task.sleep(for: .seconds(2))
            let idle = try serve.memory()
            let count = tickets
            let rate = try await ingest(count, into: serve)
            try await waitUntilAnnounced(count, database: folder.appendingPathComponent("bench.sqlite").path, serve: serve)
            try await Task.sleep(for: .seconds(2))
            let loaded = try serve.memory()
            serve.stop()
            FileHandle.standardError.write(Data(String(format: "  serve: %.0f tickets/s through the webhook; RSS %.1f MiB idle, %.1f MiB after, peak %.1f MiB\n",
                                                       rate, idle.rss, loaded.rss, loaded.peak).utf8))
            let full = try await medianStartUp(folder: folder, net: net, port: port)
            let size = count >= 1000 ? "\(count / 1000)k" : "\(count)"
            let help = "`switchboard --help` exec→exit"
            let registration = "IRCClient connect→registered"
            return [
                BenchmarkRow(name: "serve RSS after ingesting \(size) tickets via webhook", unit: "MiB", value: loaded.rss,
                             baselineName: "RSS after start-up, empty DB", baseline: idle.rss, higherIsBetter: false),
                BenchmarkRow(name: "serve peak RSS (VmHWM) during that ingest", unit: "MiB", value: loaded.peak,
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

    /// Sends `count` messages from `count` customers; returns tickets per second. Progress on stderr.
    static func ingest(_ count: Int, into serve: ServeProcess) async throws -> Double {
        let texts = try ordinaryTexts()
        let next = WebhookBenchmark.Sequence()
        let started = ContinuousClock.now
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = concurrency
        try await HTTPClient.withHTTPClient(configuration: configuration) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<concurrency {
                    group.addTask {
                        while true {
                            let index = next.take()
                            guard index < count else { return }
                            try await serve.postTwilio(
                                client: client, sid: String(format: "SMbenchrss%024d", index), phone: String(format: "+9715%08d", index),
                                name: "Customer \(index)", text: "\(texts[index % texts.count]) #\(10_000 + index % 90_000)")
                            if (index + 1) % 5000 == 0 {
                                let seconds = (ContinuousClock.now - started).timeInterval
                                let rss = (try? serve.memory().rss) ?? .nan
                                FileHandle.standardError.write(Data(String(format: "  serve ingest: %d/%d tickets, %.0f/s, RSS %.1f MiB\n",
                                                                           index + 1, count, Double(index + 1) / seconds, rss).utf8))
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        return Double(count) / (ContinuousClock.now - started).timeInterval
    }

    /// Waits until every ticket has been routed (or closed as no_action): the desk's work after each
    /// acknowledged webhook is done, so the RSS is not read mid-stream.
    static func waitUntilAnnounced(_ count: Int, database path: String, serve: ServeProcess) async throws {
        var configuration = Configuration()
        configuration.readonly = true
        let reader = try DatabaseQueue(path: path, configuration: configuration)
        try await eventually("\(count) tickets routed", timeout: .seconds(600), every: .milliseconds(5)) {
            guard serve.process.isRunning else { throw serve.failure("serve exited") }
            try await Task.sleep(for: .milliseconds(200))
            let done = try await reader.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM tickets WHERE route_channel IS NOT NULL OR state = 'closed'") ?? 0
            }
            return done >= count
        }
        try reader.close()
    }
}
