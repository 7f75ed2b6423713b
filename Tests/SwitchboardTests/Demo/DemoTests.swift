import Foundation
import IRCClient
import Testing
import TestSupport

/// `make demo`, driven by a scripted IRC client: the network, the bot, the sample messages through the
/// real endpoints, and an agent working a ticket until the provider stub receives the reply.
@Suite("make demo", .needsServers)
struct DemoTests {
    static func environment(_ file: String) throws -> [String: String] {
        var values: [String: String] = [:]
        for line in try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n") {
            let text = line.hasPrefix("export ") ? line.dropFirst(7) : line[...]
            guard let equals = text.firstIndex(of: "=") else { continue }
            values[String(text[..<equals])] = String(text[text.index(after: equals)...])
        }
        return values
    }

    /// demo.sh leaves daemons behind, and Foundation's `Process` sees its child exit only once every
    /// process holding its status socket (the daemons inherit it) has closed it; the script's own exit code
    /// and output are written to files that the test waits for instead.
    static func runDetached(script: String, state: String) async throws -> (status: Int32, output: String) {
        try FileManager.default.createDirectory(atPath: state + "-run", withIntermediateDirectories: true)
        let rcFile = state + "-run/rc", outFile = state + "-run/out"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "bash '\(script)' --detach > '\(outFile)' 2>&1; echo $? > '\(rcFile)'"]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["DEMO_STATE_DIR": state, "SWITCHBOARD_BIN": SwitchboardBinary.url.path]) { $1 }
        process.currentDirectoryURL = TestNetwork.repositoryRoot
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.runUnmasked()
        func status() -> Int32? {
            (try? String(contentsOfFile: rcFile, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        do {
            try await eventually("demo.sh to finish", timeout: .seconds(240), every: .milliseconds(250)) { status() != nil }
        } catch {
            // Its own process group (Foundation's `Process` starts one): demo.sh's trap takes down what it started.
            kill(-process.processIdentifier, SIGTERM)
            throw TestNetworkError(message: "demo.sh did not finish: \((try? String(contentsOfFile: outFile, encoding: .utf8)) ?? "")")
        }
        return (status() ?? -1, (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? "")
    }

    /// `demo.sh stop`, waited for; then every process that carries the demo's state folder in its
    /// environment (the stub, serve, InspIRCd, Atheme: everything the demo started) must be gone.
    static func stop(script: String, state: String) async {
        do {
            let stop = try await TestNetwork.run(["bash", script, "stop"], environment: ["DEMO_STATE_DIR": state])
            #expect(stop.status == 0, "demo.sh stop failed:\n\(stop.output)")
            let left = try await LeftoverProcesses.awaitGone("DEMO_STATE_DIR=\(state)")
            #expect(left.isEmpty, "still running after demo.sh stop:\n\(left.map(\.description).joined(separator: "\n"))")
        } catch {
            Issue.record(error, "stopping the demo")
        }
    }

    @Test("the demo comes up, and an agent claims, drafts and sends a reply that reaches the WhatsApp stub")
    func demoWorks() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("sb-demo-\(UUID().uuidString.prefix(8))").path
        let script = TestNetwork.repositoryRoot.appendingPathComponent("scripts/demo/demo.sh").path
        try await withCleanup {
            try await Self.exercise(script: script, state: state)
        } cleanup: {
            await Self.stop(script: script, state: state)
        }
    }

    static func exercise(script: String, state: String) async throws {
        // The test runner holds SwiftPM's build lock, so the demo uses the binary this run already built.
        let start = try await Self.runDetached(script: script, state: state)
        #expect(start.status == 0, "demo.sh failed:\n\(start.output.suffix(3000))")
        #expect(start.output.contains("HTTP 200"), "webhooks were accepted")
        #expect(start.output.contains("Switchboard is running."))
        let env = try Self.environment("\(state)/env")
        let port = try #require(env["DEMO_IRC_PORT"].flatMap(Int.init))
        let password = try #require(env["FOUNDER_PASSWORD"])
        #expect(start.output.contains(password), "the printed instructions include the agents' accounts")

        let founder = RunningClient(IRCClientConfiguration(
            host: "localhost", port: port, caFile: "\(state)/net/ca.pem", nick: "founder",
            sasl: .init(mechanism: .plain, account: "founder", password: password),
            channels: ["#support", "#finance", "#eng", "#churn"].map { .init(name: $0) },
            reconnect: ReconnectPolicy(initialDelay: .milliseconds(500))))
        try await withCleanup {
            try await Self.work(founder, state: state)
        } cleanup: {
            await founder.stop()
        }
    }

    /// The agent's part: queue, claim, draft in Egyptian Arabic, send, and the stub receives it.
    static func work(_ founder: RunningClient, state: String) async throws {
        try await founder.waitUntilJoined("#finance")

        try await founder.client.sendText("!queue all", to: "#support")
        _ = try await founder.waitFor("the queue", timeout: .seconds(120)) { if case .message(let m) = $0 { m.text.hasPrefix("#") && m.text.contains("·") } else { false } }

        try await founder.client.sendText("!claim 1", to: "#finance")
        try await founder.waitFor("the claim", timeout: .seconds(90)) { if case .message(let m) = $0 { m.text.contains("founder claimed #1") } else { false } }
        try await founder.client.sendText("draft 1 رجّعنا 299 درهم النهارده، هتوصل لبطاقتك خلال ٥–٧ أيام عمل", to: "switchboard")
        try await founder.waitFor("the draft", timeout: .seconds(90)) { if case .message(let m) = $0 { m.text.contains("Draft for #1 (WhatsApp") } else { false } }
        try await founder.client.sendText("send 1", to: "switchboard")
        try await founder.waitFor("delivery to the provider", timeout: .seconds(90)) {
            if case .message(let m) = $0 { m.text.contains("#1 sent via WhatsApp ✓") } else { false }
        }
        let requests = try String(contentsOfFile: "\(state)/stub-requests.jsonl", encoding: .utf8)
        #expect(requests.contains("299"), "the stub received the drafted reply")
        #expect(requests.contains("whatsapp:+971501232233"))
    }
}
