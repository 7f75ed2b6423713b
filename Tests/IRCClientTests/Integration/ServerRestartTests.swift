import Foundation
import IRC
import IRCClient
import Testing
import TestSupport

/// Tests that break their network get one of their own.
@Suite("IRC client when the server goes away", .needsServers)
struct ServerRestartTests {
    @Test("the server is killed and restarted; the client reconnects and rejoins")
    func reconnectAfterRestart() async throws {
        let net = try await TestNetwork.start(accounts: ["switchboard:restart-secret"])
        defer { Task { try? await net.stop() } }
        let bot = RunningClient(net.configuration(nick: "sbrestart", account: "switchboard", channels: ["#support", "#eng"]))
        defer { Task { await bot.stop() } }
        try await bot.waitUntilJoined("#support")
        try await bot.waitUntilJoined("#eng")
        await bot.clearEvents()

        try await net.stopServer()
        try await bot.waitFor("disconnect") { if case .disconnected = $0 { true } else { false } }
        #expect(await bot.client.state != .connected)
        try await net.startServer()

        // Generous: a reconnect that lands while Atheme is still relinking can have its SASL exchange go
        // unanswered until InspIRCd's 60 s registration timeout drops it; the next attempt then succeeds.
        try await bot.waitFor("re-registration", timeout: .seconds(100)) { if case .registered = $0 { true } else { false } }
        try await bot.waitUntilJoined("#support")
        try await bot.waitUntilJoined("#eng")
        #expect(await bot.client.isInChannel("#support"))
    }
}

@Suite("IRC keepalive", .needsServers)
struct KeepaliveTests {
    @Test("a frozen server is detected by our own PING; the client reconnects once it answers again")
    func frozenServer() async throws {
        let net = try await TestNetwork.start(accounts: ["switchboard:keepalive-secret"])
        defer { Task { try? await net.stop() } }
        var config = net.configuration(nick: "sbping", account: "switchboard", channels: ["#ping"])
        config.keepaliveInterval = .seconds(2)
        config.keepaliveTimeout = .seconds(3)
        config.connectTimeout = .seconds(2)
        let bot = RunningClient(config)
        defer { Task { await bot.stop() } }
        try await bot.waitUntilJoined("#ping")
        // Quiet line: the client pings on its own and measures the lag (polled: the suite runs in parallel).
        let lagDeadline = ContinuousClock.now.advanced(by: .seconds(20))
        while await bot.client.lag == nil, ContinuousClock.now < lagDeadline { try await Task.sleep(for: .milliseconds(200)) }
        #expect(await bot.client.lag != nil)

        let pidText = try String(contentsOfFile: "\(net.info.dir)/inspircd.spawned", encoding: .utf8)
        let pid = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        await bot.clearEvents()
        kill(pid, SIGSTOP)
        let event = try await bot.waitFor("a keepalive timeout", timeout: .seconds(20)) { if case .disconnected = $0 { true } else { false } }
        kill(pid, SIGCONT)
        guard case .disconnected(let reason) = event else { return }
        #expect(reason.contains("PING"), "reason was: \(reason)")
        try await bot.waitFor("re-registration", timeout: .seconds(40)) { if case .registered = $0 { true } else { false } }
        try await bot.waitUntilJoined("#ping")
    }
}

@Suite("IRC client against ngIRCd (no CAP, tags or SASL)", .needsServers)
struct NgircdTests {
    @Test("connects, joins and talks; identity is reported as unknown")
    func degradesGracefully() async throws {
        let net = try await TestNetwork.startNgircd()
        defer { Task { try? await net.stop() } }
        let bot = RunningClient(net.configuration(nick: "sbplain", channels: ["#plain"]))
        defer { Task { await bot.stop() } }
        let person = RunningClient(net.configuration(nick: "person", channels: ["#plain"]))
        defer { Task { await person.stop() } }
        try await bot.waitUntilJoined("#plain")
        try await person.waitUntilJoined("#plain")

        try await person.client.sendText("!queue", to: "#plain")
        let event = try await bot.waitFor("the person's message") { if case .message(let m) = $0 { m.text == "!queue" } else { false } }
        guard case .message(let message) = event else { return }
        #expect(message.senderNick == "person")
        #expect(message.senderAccount == nil)
        #expect(await bot.client.account(of: "person") == nil)

        try await bot.client.sendText("3 tickets waiting", to: "#plain")
        try await person.waitFor("the bot's reply") { if case .message(let m) = $0 { m.text == "3 tickets waiting" } else { false } }
    }
}
