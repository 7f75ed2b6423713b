import Foundation
import IRC
import IRCClient
import Testing

/// Tests that break their network get one of their own.
@Suite("IRC client when the server goes away")
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

        try await bot.waitFor("re-registration", timeout: .seconds(40)) { if case .registered = $0 { true } else { false } }
        try await bot.waitUntilJoined("#support")
        try await bot.waitUntilJoined("#eng")
        #expect(await bot.client.isInChannel("#support"))
    }
}

@Suite("IRC client against ngIRCd (no CAP, tags or SASL)")
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
        try await Task.sleep(for: .milliseconds(300))

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
