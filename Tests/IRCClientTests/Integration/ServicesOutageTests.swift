import Foundation
import IRC
import IRCClient
import Testing
import TestSupport

/// Atheme going away is a normal event on a real network (upgrade, crash, relink). These tests stop and
/// restart the real services and IRC server of a network of their own.
@Suite("IRC client when services go away", .needsServers)
struct ServicesOutageTests {
    static func isServices(_ online: Bool) -> @Sendable (IRCEvent) -> Bool {
        { if case .servicesChanged(let value) = $0 { value == online } else { false } }
    }

    /// A bot that re-checks services every 10 s (often enough for a test, rare enough for InspIRCd's fakelag): InspIRCd does not always push 731 when Atheme exits cleanly.
    static func botConfiguration(_ net: TestNetwork, nick: String) -> IRCClientConfiguration {
        var config = net.configuration(nick: nick, account: "switchboard", channels: ["#desk"])
        config.servicesCheckInterval = .seconds(10)
        return config
    }

    @Test("Atheme stops and starts: the session stays up, accounts stay attested, and the client hears both changes")
    func servicesRestart() async throws {
        let net = try await TestNetwork.start(accounts: ["switchboard:svc-secret", "aisha:aisha-secret"])
        defer { Task { try? await net.stop() } }
        let bot = RunningClient(Self.botConfiguration(net, nick: "sbsvc"))
        defer { Task { await bot.stop() } }
        let agent = RunningClient(net.configuration(nick: "aisha", account: "aisha", channels: ["#desk"]))
        defer { Task { await agent.stop() } }
        try await bot.waitUntilJoined("#desk")
        try await agent.waitUntilJoined("#desk")
        try await bot.waitFor("MONITOR saying services are online", Self.isServices(true))
        await bot.clearEvents()

        try await net.stopServices()
        try await bot.waitFor("services going offline", Self.isServices(false))
        #expect(await bot.client.servicesOnline == false)
        try await agent.client.sendText("still here", to: "#desk")
        let event = try await bot.waitFor("the agent's message during the outage") {
            if case .message(let m) = $0 { m.text == "still here" } else { false }
        }
        if case .message(let message) = event {
            #expect(message.senderAccount == "aisha", "InspIRCd keeps vouching for accounts logged in before the outage")
        }

        try await net.startServices()
        try await bot.waitFor("services coming back", timeout: .seconds(40), Self.isServices(true))
        let events = await bot.events
        #expect(!events.contains { if case .disconnected = $0 { true } else { false } }, "the bot's session was kept")
        #expect(await bot.client.state == .connected)
        #expect(await bot.client.loggedInAccount == "switchboard")
    }

    @Test("the IRC server restarts while services are down: the bot rejoins without logging in, then logs in when they return")
    func serverRestartDuringServicesOutage() async throws {
        let net = try await TestNetwork.start(accounts: ["switchboard:late-secret"])
        defer { Task { try? await net.stop() } }
        let bot = RunningClient(Self.botConfiguration(net, nick: "sblate"))
        defer { Task { await bot.stop() } }
        try await bot.waitUntilJoined("#desk")
        #expect(await bot.client.loggedInAccount == "switchboard")

        try await net.stopServices()
        try await net.stopServer()
        try await bot.waitFor("disconnect") { if case .disconnected = $0 { true } else { false } }
        await bot.clearEvents()
        try await net.startServer()

        let deferred = try await bot.waitFor("the login being deferred", timeout: .seconds(40)) {
            if case .loginDeferred = $0 { true } else { false }
        }
        if case .loginDeferred(let reason) = deferred { #expect(reason.contains("switchboard")) }
        try await bot.waitUntilJoined("#desk")
        try await bot.waitFor("MONITOR saying services are offline", Self.isServices(false))
        #expect(await bot.client.loggedInAccount == nil)
        #expect(!(await bot.events).contains { if case .saslFailed = $0 { true } else { false } })

        try await net.startServices()
        try await bot.waitFor("the late login", timeout: .seconds(40)) {
            if case .loggedIn(let account) = $0 { account == "switchboard" } else { false }
        }
        #expect(await bot.client.loggedInAccount == "switchboard")
        #expect(await bot.client.isInChannel("#desk"))
        #expect((await bot.events).filter { if case .registered = $0 { true } else { false } }.count == 1,
                "the late login happened on the same connection")
    }
}
