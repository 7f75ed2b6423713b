import Foundation
import IRCClient
import Testing
import TestSupport

@Suite("switchboard serve", .needsServers)
struct ServeTests {
    @Test("connects over verified TLS with SASL, joins the configured channels, and QUITs on SIGTERM")
    func serveJoinsAndQuits() async throws {
        let net = try await TestNetwork.shared()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-serve-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let configPath = dir.appendingPathComponent("switchboard.yaml").path
        try """
            irc:
              host: \(net.info.host)
              port: \(net.info.tls_port!)
              tls: true
              ca_file: \(net.info.ca_file!)
              nick: sbserve
              sasl: {mechanism: PLAIN, account: switchboard, password: "${IRC_PASSWORD}"}
              channels: ["#serve-support", "#serve-eng"]
            http: {bind: 127.0.0.1:0, public_url: https://support.example.test}
            storage: {path: \(dir.path)/switchboard.sqlite}
            """.write(toFile: configPath, atomically: true, encoding: .utf8)

        let watcher = RunningClient(net.configuration(nick: "servewatch", channels: ["#serve-support"]))
        defer { Task { await watcher.stop() } }
        try await watcher.waitUntilJoined("#serve-support")

        let process = Process()
        process.executableURL = SwitchboardBinary.url
        process.arguments = ["serve", "--config", configPath]
        process.environment = ProcessInfo.processInfo.environment.merging(["IRC_PASSWORD": net.password("switchboard")]) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.runUnmasked()
        defer { process.stop() }

        // The watcher learns the bot's account from extended-join: SASL really logged it in.
        // Generous: a debug `serve` loads its triage model first, which is slow on a busy 2-core machine.
        try await watcher.waitFor("the bot joining", timeout: .seconds(90)) { _ in true }
        let deadline = ContinuousClock.now.advanced(by: .seconds(90))
        while ContinuousClock.now < deadline, await watcher.client.account(of: "sbserve") == nil {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(await watcher.client.account(of: "sbserve") == "switchboard")

        kill(process.processIdentifier, SIGTERM)
        let quit = try await watcher.waitFor("the bot's QUIT", timeout: .seconds(60)) { if case .userQuit(let nick, _) = $0 { nick == "sbserve" } else { false } }
        #expect(quit == .userQuit(nick: "sbserve", reason: "Quit: Switchboard shutting down"))
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(!log.contains(net.password("switchboard")), "the SASL password never reaches the log")
    }

    @Test("SIGTERM with an IRC server that never closes the link after QUIT: serve still exits 0 within seconds")
    func sigtermWithHungServer() async throws {
        let server = try await ScriptedIRCServer.start(ignoreQuit: true)
        defer { server.stop() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-hung-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let configPath = dir.appendingPathComponent("switchboard.yaml").path
        try """
            irc:
              host: localhost
              port: \(server.port)
              tls: true
              ca_file: \(server.caFile!)
              nick: sbhung
              channels: ["#hung"]
            http: {bind: 127.0.0.1:0, public_url: https://support.example.test}
            storage: {path: \(dir.path)/switchboard.sqlite}
            """.write(toFile: configPath, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = SwitchboardBinary.url
        process.arguments = ["serve", "--config", configPath]
        let log = dir.appendingPathComponent("serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.runUnmasked()
        defer { process.stop(grace: .zero) }

        // Generous: a debug `serve` loads its triage model first, which is slow on a busy 2-core machine.
        try await eventually("serve joining the scripted server", timeout: .seconds(90)) { server.received.contains("JOIN #hung") }
        kill(process.processIdentifier, SIGTERM)
        try await eventually("serve's QUIT", timeout: .seconds(20)) { server.received.contains { $0.hasPrefix("QUIT") } }
        // It waits 3 s for the server to close the link, then closes it itself (and at most 1 s more for a
        // TLS close_notify that never comes). Before that bound, it was still running minutes later.
        try await eventually("serve to exit although the server keeps the link open", timeout: .seconds(20)) { !process.isRunning }
        #expect(process.terminationStatus == 0, "\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }
}
