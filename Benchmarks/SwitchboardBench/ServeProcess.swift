import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import TestSupport

/// The release `switchboard serve` binary as a child process on the project's InspIRCd + Atheme network,
/// configured the way the benchmarks that need the whole product (card latency, burst drain, memory,
/// start-up) run it: one channel `#bench` that every ticket is routed to, Twilio webhooks on a free
/// loopback port, SQLite in `folder`, and the bot's flood gate at `burst` lines then one per second.
struct ServeProcess: Sendable {
    static let token = "bench-card-token-5e4d3c2b1a09f8e7"
    static let accountSID = "AC0123456789abcdef0123456789abcdef"
    /// Five lines then one per second: under InspIRCd's own limit in scripts/testnet (threshold 10 s of
    /// penalty, commandrate 1 per second), so the bot's bucket is the binding one and the server never
    /// applies fakelag.
    static let floodBurst = 5
    static let floodInterval: Duration = .seconds(1)

    let process: Process
    let httpPort: Int
    let log: URL
    /// Just before the binary was executed.
    let launched: ContinuousClock.Instant

    /// Writes `folder/bench.yaml` for a database at `folder/bench.sqlite` and returns its path.
    static func writeConfig(folder: URL, net: TestNetwork, httpPort: Int) throws -> String {
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
              flood: {burst: \(floodBurst), interval: \(floodInterval.components.seconds)s}
            http: {bind: "127.0.0.1:\(httpPort)", public_url: "\(WebhookBenchmark.publicURL)"}
            storage: {path: \(folder.path)/bench.sqlite}
            whatsapp:
              twilio: {account_sid: \(accountSID), auth_token: "${TWILIO_AUTH_TOKEN}", from: "whatsapp:+14155238886"}
            routing:
              - {default: true, channel: "#bench", team: support}
            agents:
              - {account: aisha, teams: [support], role: agent}
            """.write(toFile: config, atomically: true, encoding: .utf8)
        return config
    }

    /// Starts `switchboard serve` on `folder`'s config (see ``writeConfig(folder:net:httpPort:)``), its
    /// output appended to `folder/serve.log`.
    static func launch(folder: URL, net: TestNetwork, httpPort: Int) throws -> ServeProcess {
        guard let binary = binaryPath() else {
            throw BenchFailure("build switchboard first (make bench does: swift build -c release --product switchboard)")
        }
        let config = folder.appendingPathComponent("bench.yaml").path
        if !FileManager.default.fileExists(atPath: config) { _ = try writeConfig(folder: folder, net: net, httpPort: httpPort) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--config", config]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["IRC_PASSWORD": net.password("switchboard"), "TWILIO_AUTH_TOKEN": token]) { $1 }
        let log = folder.appendingPathComponent("serve.log")
        if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
        let output = try FileHandle(forWritingTo: log)
        output.seekToEndOfFile()
        process.standardOutput = output
        process.standardError = output
        let launched = ContinuousClock.now
        try process.run()
        return ServeProcess(process: process, httpPort: httpPort, log: log, launched: launched)
    }

    /// Runs `body` with a fresh test network and scratch folder, and removes both afterwards.
    static func withNetwork<T>(_ name: String, _ body: (TestNetwork, URL) async throws -> T) async throws -> T {
        let net = try await TestNetwork.start()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-bench-\(name)-\(UUID().uuidString.prefix(8))")
        func cleanUp() async {
            try? await net.stop()
            try? FileManager.default.removeItem(at: folder)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let result = try await body(net, folder)
            await cleanUp()
            return result
        } catch {
            await cleanUp()
            throw error
        }
    }

    static func binaryPath() -> String? {
        let candidates = [ProcessInfo.processInfo.environment["SWITCHBOARD_BIN"], ".build/release/switchboard"].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// SIGTERM, then waits: `serve` shuts down gracefully (QUIT, then exit 0).
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// The instant `/healthz` first answered 200 (the database took a write), polling every 2 ms.
    func waitUntilHealthy(timeout: Duration = .seconds(60)) async throws -> ContinuousClock.Instant {
        try await waitForHealth(timeout: timeout) { _ in true }
    }

    /// The instant `/healthz` first reported the IRC client registered (`"irc":"connected"`).
    func waitUntilIRCConnected(timeout: Duration = .seconds(60)) async throws -> ContinuousClock.Instant {
        try await waitForHealth(timeout: timeout) { $0.contains("\"irc\":\"connected\"") }
    }

    private func waitForHealth(timeout: Duration, _ accept: (String) -> Bool) async throws -> ContinuousClock.Instant {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        let request = HTTPClientRequest(url: "http://127.0.0.1:\(httpPort)/healthz")
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw failure("serve exited with status \(process.terminationStatus)") }
            if let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2)), response.status == .ok,
               let body = try? await response.body.collect(upTo: 1 << 16), accept(String(buffer: body)) {
                return .now
            }
            try await Task.sleep(for: .milliseconds(2))
        }
        throw failure("timed out waiting for /healthz")
    }

    /// An error that carries the end of serve's log, so a benchmark that fails says why.
    func failure(_ reason: String) -> BenchFailure {
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return BenchFailure("\(reason); serve said:\n\(output.suffix(2000))")
    }

    /// Resident memory from /proc/PID/status, in MiB: now (VmRSS) and the peak so far (VmHWM).
    func memory() throws -> (rss: Double, peak: Double) {
        let status = try String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
        func field(_ name: String) throws -> Double {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }),
                  let kib = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap({ Double($0) }) else {
                throw BenchFailure("no \(name) in /proc/\(process.processIdentifier)/status")
            }
            return kib / 1024
        }
        return (try field("VmRSS"), try field("VmHWM"))
    }

    /// Posts one inbound WhatsApp message, signed as Twilio signs it; returns when serve answered 200
    /// (from then on the message is committed and Switchboard's).
    @discardableResult
    func postTwilio(client: HTTPClient, sid: String, phone: String, name: String, text: String) async throws -> ContinuousClock.Instant {
        let params = [("MessageSid", sid), ("SmsMessageSid", sid), ("AccountSid", Self.accountSID),
                      ("From", "whatsapp:" + phone), ("To", "whatsapp:+14155238886"), ("Body", text), ("NumMedia", "0"),
                      ("ProfileName", name), ("WaId", String(phone.dropFirst()))]
        let request = WebhookBenchmark.signedRequest(
            base: "http://127.0.0.1:\(httpPort)", path: "/webhooks/twilio", parameters: params, authToken: Self.token)
        let response = try await client.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 16)
        guard response.status == .ok else { throw failure("webhook answered \(response.status)") }
        return .now
    }
}
