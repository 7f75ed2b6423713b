import Foundation
import IRC
import IRCClient
import Testing
import TestSupport

/// Against a real InspIRCd 3 + Atheme 7 network over TLS, started by scripts/testnet.
@Suite("IRC client against InspIRCd + Atheme", .serialized, .needsServers)
struct InspIRCdIntegrationTests {
    @Test("verified TLS connect, SASL PLAIN (authzid = account, as other clients send it), IRCv3 capabilities, join")
    func verifiedConnect() async throws {
        let net = try await TestNetwork.shared()
        let bot = RunningClient(net.configuration(nick: "sbverify", account: "switchboard", channels: ["#verify"]))
        defer { Task { await bot.stop() } }
        try await bot.waitUntilRegistered()
        try await bot.waitUntilJoined("#verify")
        #expect(await bot.client.loggedInAccount == "switchboard", "Atheme accepted `switchboard\\0switchboard\\0password`")
        let caps = await bot.client.enabledCapabilities
        for cap in ["sasl", "account-tag", "account-notify", "extended-join", "message-tags", "server-time"] {
            #expect(caps.contains(cap), "capability \(cap) should be enabled")
        }
        #expect(await bot.client.state == .connected)
    }

    @Test("a channel key and the SASL password appear in no log line, even at trace level")
    func secretsNeverLogged() async throws {
        let net = try await TestNetwork.shared()
        let key = "chan-key-5f3a9c"
        var config = net.configuration(nick: "sbkeyed", account: "switchboard")
        config.channels = [.init(name: "#keyed", key: key)]
        let logs = CapturingLogHandler.Store()
        let bot = RunningClient(config, logger: CapturingLogHandler.logger(label: "test.sbkeyed", store: logs))
        defer { Task { await bot.stop() } }
        try await bot.waitUntilJoined("#keyed")
        let lines = logs.all
        #expect(lines.contains { $0.contains(">> JOIN #keyed ***") }, "the JOIN itself is logged at trace level")
        #expect(lines.contains { $0.contains(">> AUTHENTICATE ***") }, "so is the SASL exchange, redacted")
        #expect(!lines.contains { $0.contains(key) }, "no log line carries the channel key")
        #expect(!lines.contains { $0.contains(net.password("switchboard")) })
    }

    @Test("a certificate for the wrong host is refused with a clear error")
    func wrongHostRefused() async throws {
        let net = try await TestNetwork.shared()
        var config = net.configuration(nick: "sbwrong")
        config.port = try #require(net.info.wrong_host_port)
        let bot = RunningClient(config)
        defer { Task { await bot.stop() } }
        let event = try await bot.waitFor("a TLS refusal") { if case .disconnected = $0 { true } else { false } }
        guard case .disconnected(let reason) = event else { return }
        #expect(reason.contains("TLS"), "reason was: \(reason)")
        #expect(reason.contains("localhost"), "the error names the host: \(reason)")
        #expect(!(await bot.events.contains { if case .registered = $0 { true } else { false } }))
    }

    @Test("a server certificate from an untrusted CA is refused")
    func untrustedCARefused() async throws {
        let net = try await TestNetwork.shared()
        var config = net.configuration(nick: "sbuntrusted")
        config.caFile = nil  // system roots do not know the test CA
        let bot = RunningClient(config)
        defer { Task { await bot.stop() } }
        let event = try await bot.waitFor("a TLS refusal") { if case .disconnected = $0 { true } else { false } }
        guard case .disconnected(let reason) = event else { return }
        #expect(reason.contains("TLS"), "reason was: \(reason)")
    }

    @Test("SASL PLAIN with a wrong password disconnects and never registers")
    func saslWrongPassword() async throws {
        let net = try await TestNetwork.shared()
        let bot = RunningClient(net.configuration(nick: "sbbadpw", account: "switchboard", password: "not-the-password",
                                                  channels: ["#nope"]))
        defer { Task { await bot.stop() } }
        let event = try await bot.waitFor("SASL failure") { if case .saslFailed = $0 { true } else { false } }
        guard case .saslFailed(let reason) = event else { return }
        #expect(reason.contains("switchboard"))
        try await bot.waitFor("disconnect") { if case .disconnected = $0 { true } else { false } }
        let events = await bot.events
        #expect(!events.contains { if case .registered = $0 { true } else { false } })
        #expect(!events.contains { if case .joined = $0 { true } else { false } })
    }

    @Test("SASL EXTERNAL with a client certificate")
    func saslExternal() async throws {
        let net = try await TestNetwork.shared()
        let account = try #require(net.info.accounts["aisha"])
        var config = net.configuration(nick: "aishabot", channels: ["#external"])
        config.sasl = .init(mechanism: .external, account: "aisha")
        config.clientCertificateFile = try #require(account.client_cert)
        let bot = RunningClient(config)
        defer { Task { await bot.stop() } }
        try await bot.waitUntilRegistered()
        try await bot.waitUntilJoined("#external")

        // A second client sees the account on the bot's messages: the login really happened.
        let observer = RunningClient(net.configuration(nick: "extobserver", account: "founder", channels: ["#external"]))
        defer { Task { await observer.stop() } }
        try await observer.waitUntilJoined("#external")
        try await bot.client.sendText("hello from a certificate", to: "#external")
        let message = try await observer.waitFor("the bot's message") {
            if case .message(let m) = $0 { m.text == "hello from a certificate" } else { false }
        }
        guard case .message(let m) = message else { return }
        #expect(m.senderAccount == "aisha")
    }

    @Test("nick in use: the client registers under its alternate")
    func nickInUse() async throws {
        let net = try await TestNetwork.shared()
        let first = RunningClient(net.configuration(nick: "sbdupe"))
        defer { Task { await first.stop() } }
        try await first.waitUntilRegistered()
        var config = net.configuration(nick: "sbdupe")
        config.alternateNicks = ["sbdupe-alt"]
        let second = RunningClient(config)
        defer { Task { await second.stop() } }
        let event = try await second.waitFor("registration") { if case .registered = $0 { true } else { false } }
        #expect(event == .registered(nick: "sbdupe-alt", server: "irc.test"))
    }

    @Test("account tracking: a logged-in agent, a guest, and a guest who takes the agent's nick")
    func accountTracking() async throws {
        let net = try await TestNetwork.shared()
        let bot = RunningClient(net.configuration(nick: "sbtracker", account: "switchboard", channels: ["#accounts"]))
        defer { Task { await bot.stop() } }
        try await bot.waitUntilJoined("#accounts")

        let agent = RunningClient(net.configuration(nick: "techlead", account: "techlead", channels: ["#accounts"]))
        try await agent.waitUntilJoined("#accounts")
        let guest = RunningClient(net.configuration(nick: "guest42", channels: ["#accounts"]))
        defer { Task { await guest.stop() } }
        try await guest.waitUntilJoined("#accounts")
        try await eventually("the bot to learn techlead's account") { await bot.client.account(of: "techlead") != nil }
        #expect(await bot.client.account(of: "techlead") == "techlead")
        #expect(await bot.client.account(of: "TechLead") == "techlead", "lookups fold case like the server")
        #expect(await bot.client.account(of: "guest42") == nil)

        try await agent.client.sendText("claim 42", to: "#accounts")
        try await guest.client.sendText("claim 43", to: "#accounts")
        try await bot.waitFor("agent message") { if case .message(let m) = $0 { m.text == "claim 42" } else { false } }
        try await bot.waitFor("guest message") { if case .message(let m) = $0 { m.text == "claim 43" } else { false } }
        let messages = await bot.messages(in: "#accounts")
        #expect(messages.first { $0.text == "claim 42" }?.senderAccount == "techlead")
        #expect(messages.first { $0.text == "claim 43" }?.senderAccount == nil)

        // The agent leaves; an impostor without SASL takes the nick.
        await agent.stop()
        try await bot.waitFor("techlead's QUIT") { if case .userQuit(let nick, _) = $0 { nick == "techlead" } else { false } }
        let impostor = RunningClient(net.configuration(nick: "techlead", channels: ["#accounts"]))
        defer { Task { await impostor.stop() } }
        try await impostor.waitUntilJoined("#accounts")
        // No event tells that the bot has seen another user's JOIN: a fixed wait, so the check below covers
        // the impostor's JOIN (which must not give the nick an account), not only the agent's QUIT.
        try await Task.sleep(for: .milliseconds(300))
        #expect(await bot.client.account(of: "techlead") == nil)
        try await impostor.client.sendText("send 42 pwned", to: "#accounts")
        let event = try await bot.waitFor("impostor message") { if case .message(let m) = $0 { m.text == "send 42 pwned" } else { false } }
        guard case .message(let forged) = event else { return }
        #expect(forged.senderNick == "techlead")
        #expect(forged.senderAccount == nil, "identity is the account, never the nick")
    }

    @Test("a 3,000-byte Arabic message arrives split and intact on a second client")
    func longArabicMessage() async throws {
        let net = try await TestNetwork.shared()
        let bot = RunningClient(net.configuration(nick: "sbarabic", account: "switchboard", channels: ["#arabic"],
                                                  floodBurst: 10, floodInterval: .milliseconds(500)))
        defer { Task { await bot.stop() } }
        let reader = RunningClient(net.configuration(nick: "arreader", channels: ["#arabic"]))
        defer { Task { await reader.stop() } }
        try await bot.waitUntilJoined("#arabic")
        try await reader.waitUntilJoined("#arabic")

        let sentence = "مرحباً، تم خصم المبلغ مرتين من بطاقتي الائتمانية 👨‍👩‍👧 ونرجو استرداده في أقرب وقت. "
        var text = ""
        while text.utf8.count < 3000 { text += sentence }
        try await bot.client.sendText(text, to: "#arabic")
        let source = try #require(await bot.client.selfSource)
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        var received: [IRCChatMessage] = []
        while ContinuousClock.now < deadline {
            received = await reader.messages(in: "#arabic").filter { $0.senderNick == "sbarabic" }
            if received.map(\.text).joined().utf8.count >= text.utf8.count { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(received.count >= 7, "3,000 bytes need at least seven lines")
        #expect(received.map(\.text).joined() == text, "pieces rejoin to exactly the original")
        for piece in received {
            let relayed = ":\(source) PRIVMSG #arabic :\(piece.text)\r\n"
            #expect(relayed.utf8.count <= 512)
            #expect(piece.text.unicodeScalars.allSatisfy { $0 != "\u{FFFD}" }, "no UTF-8 sequence was cut")
        }
    }

    @Test("60 lines in a burst arrive in order and the server never disconnects the bot")
    func burstOfSixty() async throws {
        let net = try await TestNetwork.shared()
        // The default pacing (4, then one per 2 s) is what production uses; this is a little faster and
        // still inside InspIRCd's real fakelag limit (threshold 10, one command per second).
        let bot = RunningClient(net.configuration(nick: "sbburst", account: "switchboard", channels: ["#burst"],
                                                  floodBurst: 4, floodInterval: .milliseconds(1100)))
        defer { Task { await bot.stop() } }
        let reader = RunningClient(net.configuration(nick: "burstreader", channels: ["#burst"]))
        defer { Task { await reader.stop() } }
        try await bot.waitUntilJoined("#burst")
        try await reader.waitUntilJoined("#burst")
        for index in 1...60 {
            try await bot.client.sendText("card \(index) of 60", to: "#burst", priority: .card)
        }
        let deadline = ContinuousClock.now.advanced(by: .seconds(120))
        while ContinuousClock.now < deadline, await reader.messages(in: "#burst").count < 60 {
            try await Task.sleep(for: .milliseconds(250))
        }
        let texts = await reader.messages(in: "#burst").map(\.text)
        #expect(texts == (1...60).map { "card \($0) of 60" })
        #expect(!(await bot.events.contains { if case .disconnected = $0 { true } else { false } }))
    }

    @Test("kicked from a channel, the bot rejoins after a delay")
    func rejoinAfterKick() async throws {
        let net = try await TestNetwork.shared()
        let op = RunningClient(net.configuration(nick: "chanop", account: "founder", channels: ["#kickme"]))
        defer { Task { await op.stop() } }
        try await op.waitUntilJoined("#kickme")
        let bot = RunningClient(net.configuration(nick: "sbkicked", account: "switchboard", channels: ["#kickme"]))
        defer { Task { await bot.stop() } }
        try await bot.waitUntilJoined("#kickme")
        await bot.clearEvents()
        // InspIRCd here gives no op to a channel's creator, so an IRC operator grants it with SAMODE.
        let oper = try #require(net.info.oper)
        try await op.client.send(IRCMessage(command: "OPER", parameters: [oper.name, oper.password]))
        try await op.client.send(IRCMessage(command: "SAMODE", parameters: ["#kickme", "+o", "chanop"]))
        try await op.client.send(IRCMessage(command: "KICK", parameters: ["#kickme", "sbkicked", "testing"]))
        try await bot.waitFor("KICK") { if case .kicked(_, let by, _) = $0 { by == "chanop" } else { false } }
        try await bot.waitUntilJoined("#kickme")
        #expect(await bot.client.isInChannel("#kickme"))
    }

    @Test("graceful shutdown sends QUIT with a reason and ends the run loop")
    func gracefulShutdown() async throws {
        let net = try await TestNetwork.shared()
        let bot = RunningClient(net.configuration(nick: "sbquit", account: "switchboard", channels: ["#quit"]))
        let observer = RunningClient(net.configuration(nick: "quitwatch", channels: ["#quit"]))
        defer { Task { await observer.stop() } }
        try await bot.waitUntilJoined("#quit")
        try await observer.waitUntilJoined("#quit")
        await bot.client.shutdown(message: "Switchboard shutting down")
        let event = try await observer.waitFor("the bot's QUIT") { if case .userQuit(let nick, _) = $0 { nick == "sbquit" } else { false } }
        #expect(event == .userQuit(nick: "sbquit", reason: "Quit: Switchboard shutting down"))
        await bot.stop()
        #expect(await bot.client.state == .disconnected)
    }
}
