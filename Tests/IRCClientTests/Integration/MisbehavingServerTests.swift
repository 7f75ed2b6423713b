import Foundation
import IRCClient
import Testing
import TestSupport

/// Against a scripted server (Fixtures/irc_script_server.py), for peers a real InspIRCd cannot be made to
/// be: one that never closes the link after QUIT, and one that offers SASL without our mechanism.
@Suite("IRC client against misbehaving servers", .serialized, .needsServers)
struct MisbehavingServerTests {
    static func configuration(_ server: ScriptedIRCServer, nick: String,
                              sasl: IRCClientConfiguration.SASLSettings? = nil) -> IRCClientConfiguration {
        IRCClientConfiguration(host: "localhost", port: server.port, caFile: server.caFile, nick: nick, sasl: sasl,
                               channels: [.init(name: "#scripted")], waitsForServices: false)
    }

    @Test("a server that ignores QUIT and keeps the link open: shutdown closes it after quitTimeout and run() returns")
    func quitIgnored() async throws {
        let server = try await ScriptedIRCServer.start(ignoreQuit: true)
        defer { server.stop() }
        var config = Self.configuration(server, nick: "sbhang")
        config.quitTimeout = .seconds(2)
        let bot = RunningClient(config)
        defer { Task { await bot.stop() } }
        try await bot.waitUntilRegistered()

        await bot.client.shutdown()
        try await eventually("the QUIT reaching the server", timeout: .seconds(10)) {
            server.received.contains("QUIT :Switchboard shutting down")
        }
        // quitTimeout (2 s) plus at most 1 s waiting for a close_notify that never comes; the rest is slack
        // for a busy machine. Before the bound existed, run() never returned at all.
        try await eventually("run() to return although the server never closed the link", timeout: .seconds(15)) {
            await bot.hasReturned
        }
        #expect(await bot.client.state == .disconnected)
    }

    @Test("shutdown while waiting to reconnect ends run() at once instead of sleeping out the backoff")
    func shutdownDuringBackoff() async throws {
        var config = IRCClientConfiguration(host: "localhost", port: try FreePort.pick(), nick: "sbnobody")
        config.reconnect = ReconnectPolicy(initialDelay: .seconds(600), maximumDelay: .seconds(600))
        let bot = RunningClient(config)
        defer { Task { await bot.stop() } }
        // The first attempt is refused (nobody listens), so the loop is now in its ten-minute backoff.
        try await bot.waitFor("the refused connection") { if case .disconnected = $0 { true } else { false } }
        await bot.client.shutdown()
        try await eventually("run() to return", timeout: .seconds(10)) { await bot.hasReturned }
    }

    @Test("sasl offered without PLAIN: the client still requests sasl, tries PLAIN, and stops with the server's answer")
    func saslMechanismMismatch() async throws {
        let server = try await ScriptedIRCServer.start(caps: "sasl=EXTERNAL message-tags")
        defer { server.stop() }
        let bot = RunningClient(Self.configuration(server, nick: "sbmech", sasl: .init(mechanism: .plain, account: "switchboard", password: "pw")))
        defer { Task { await bot.stop() } }
        let event = try await bot.waitFor("SASL failure") { if case .saslFailed = $0 { true } else { false } }
        guard case .saslFailed(let reason) = event else { return }
        #expect(reason.contains("switchboard"), "names the account: \(reason)")
        #expect(reason.contains("SASL authentication failed"), "the server's 904 text: \(reason)")
        #expect(reason.contains("EXTERNAL"), "the server's 908 list: \(reason)")
        let received = server.received
        #expect(received.contains { $0.hasPrefix("CAP REQ") && $0.contains("sasl") }, "sasl was requested: \(received)")
        #expect(received.contains("AUTHENTICATE PLAIN"), "PLAIN was tried: \(received)")
        #expect(!received.contains("CAP END"), "never registers unauthenticated")
        #expect(!(await bot.events.contains { if case .registered = $0 { true } else { false } }))
    }

    @Test("SASL PLAIN goes out as account NUL account NUL password")
    func plainPayloadOnTheWire() async throws {
        let server = try await ScriptedIRCServer.start(caps: "sasl=PLAIN,EXTERNAL")
        defer { server.stop() }
        let bot = RunningClient(Self.configuration(server, nick: "sbplain", sasl: .init(mechanism: .plain, account: "switchboard", password: "pw-77")))
        defer { Task { await bot.stop() } }
        try await bot.waitUntilRegistered()
        let payloads = server.received.filter { $0.hasPrefix("AUTHENTICATE ") && $0 != "AUTHENTICATE PLAIN" }
        let decoded = payloads.compactMap { Data(base64Encoded: String($0.dropFirst("AUTHENTICATE ".count))) }
        #expect(decoded == [Data("switchboard\0switchboard\0pw-77".utf8)])
    }
}
