import Foundation
import IRC
import IRCClient
import Testing

/// The session state machine driven by recorded server lines, with no socket.
@Suite("IRCSession")
struct IRCSessionTests {
    static func config(sasl: IRCClientConfiguration.SASLSettings? = .init(mechanism: .plain, account: "switchboard", password: "pw"),
                       channels: [String] = ["#support"]) -> IRCClientConfiguration {
        IRCClientConfiguration(host: "irc.test", nick: "switchboard", alternateNicks: ["sb-alt"], sasl: sasl,
                               channels: channels.map { .init(name: $0) })
    }

    /// Feeds raw lines and returns every line the session wants to send.
    static func feed(_ session: inout IRCSession, _ lines: [String]) throws -> (sent: [String], actions: [IRCSession.Action]) {
        var sent: [String] = []
        var all: [IRCSession.Action] = []
        for line in lines {
            let actions = session.receive(try IRCMessage(parsing: line), now: Date(timeIntervalSince1970: 1_000))
            all += actions
            for case .send(let message, _) in actions { sent.append(try message.serialized()) }
        }
        return (sent, all)
    }

    @Test("multi-line CAP LS, then REQ, SASL PLAIN and CAP END in order")
    func registrationWithSASL() throws {
        var session = IRCSession(configuration: Self.config(), isTLS: true)
        let opening = try session.start().compactMap { if case .send(let m, _) = $0 { try m.serialized() } else { nil } }
        #expect(opening == ["CAP LS 302", "NICK switchboard", "USER switchboard 0 * :Switchboard support desk"])

        var result = try Self.feed(&session, [":irc.test CAP * LS * :multi-prefix sasl=PLAIN,EXTERNAL account-tag"])
        #expect(result.sent.isEmpty, "no REQ until the last LS line")
        result = try Self.feed(&session, [":irc.test CAP * LS :extended-join server-time unknown-cap"])
        #expect(result.sent == ["CAP REQ :account-tag extended-join multi-prefix sasl server-time"])
        result = try Self.feed(&session, [":irc.test CAP switchboard ACK :account-tag extended-join multi-prefix sasl server-time"])
        #expect(result.sent == ["AUTHENTICATE PLAIN"])
        result = try Self.feed(&session, ["AUTHENTICATE +"])
        // authzid = authcid = the account, as mainstream clients send it.
        let payload = Data("switchboard\0switchboard\0pw".utf8).base64EncodedString()
        #expect(result.sent == ["AUTHENTICATE \(payload)"])
        result = try Self.feed(&session, [":irc.test 900 switchboard sb!sb@h switchboard :You are now logged in",
                                          ":irc.test 903 switchboard :SASL authentication successful"])
        #expect(result.sent == ["CAP END"])
        #expect(session.loggedInAccount == "switchboard")
        #expect(session.phase == .registering)
    }

    @Test("SASL failure disconnects with the account named, and never sends CAP END")
    func saslFailure() throws {
        var session = IRCSession(configuration: Self.config(), isTLS: true)
        _ = session.start()
        let result = try Self.feed(&session, [
            ":irc.test CAP * LS :sasl=PLAIN", ":irc.test CAP * ACK :sasl", "AUTHENTICATE +",
            ":irc.test 904 switchboard :SASL authentication failed",
        ])
        #expect(!result.sent.contains("CAP END"))
        #expect(result.actions.contains { if case .emit(.saslFailed(let r)) = $0 { r.contains("switchboard") } else { false } })
        #expect(result.actions.contains { if case .disconnect = $0 { true } else { false } })
    }

    @Test("sasl offered without the configured mechanism: still ask, and stop with the server's 904/908 answer")
    func saslMechanismMismatch() throws {
        var session = IRCSession(configuration: Self.config(), isTLS: true)
        _ = session.start()
        var result = try Self.feed(&session, [":irc.test CAP * LS :sasl=EXTERNAL multi-prefix"])
        #expect(result.sent == ["CAP REQ :multi-prefix sasl"], "sasl is requested although PLAIN is not listed")
        #expect(!result.actions.contains { if case .disconnect = $0 { true } else { false } })
        result = try Self.feed(&session, [":irc.test CAP * ACK :multi-prefix sasl"])
        #expect(result.sent == ["AUTHENTICATE PLAIN"], "the configured mechanism is tried")
        result = try Self.feed(&session, [
            ":irc.test 908 switchboard EXTERNAL :are available SASL mechanisms",
            ":irc.test 904 switchboard :SASL authentication failed",
        ])
        #expect(!result.sent.contains("CAP END"))
        #expect(result.actions.contains { if case .disconnect = $0 { true } else { false } })
        let reason = result.actions.compactMap { if case .emit(.saslFailed(let r)) = $0 { r } else { nil } }.first ?? ""
        #expect(reason.contains("switchboard"), "names the account: \(reason)")
        #expect(reason.contains("SASL authentication failed"), "carries the server's 904 text: \(reason)")
        #expect(reason.contains("EXTERNAL"), "carries the mechanisms from 908: \(reason)")
    }

    @Test("SASL configured but not offered, with waiting turned off: refuse rather than continue unauthenticated")
    func saslNotOfferedStrict() throws {
        var config = Self.config()
        config.waitsForServices = false
        var session = IRCSession(configuration: config, isTLS: true)
        _ = session.start()
        let result = try Self.feed(&session, [":irc.test CAP * LS :multi-prefix"])
        #expect(!result.sent.contains("CAP END"))
        #expect(result.actions.contains { if case .disconnect = $0 { true } else { false } })
    }

    @Test("SASL not offered (services down): register without logging in, then log in when CAP NEW offers SASL")
    func saslDeferredUntilServicesReturn() throws {
        var session = IRCSession(configuration: Self.config(), isTLS: true)
        _ = session.start()
        var result = try Self.feed(&session, [":irc.test CAP * LS :multi-prefix account-tag cap-notify"])
        #expect(result.sent == ["CAP REQ :account-tag cap-notify multi-prefix"])
        #expect(result.actions.contains { if case .emit(.loginDeferred(let r)) = $0 { r.contains("switchboard") } else { false } })
        #expect(!result.actions.contains { if case .disconnect = $0 { true } else { false } })
        result = try Self.feed(&session, [":irc.test CAP switchboard ACK :account-tag cap-notify multi-prefix"])
        #expect(result.sent == ["CAP END"], "no AUTHENTICATE while SASL is not offered")
        result = try Self.feed(&session, [
            ":irc.test 001 switchboard :Welcome", ":irc.test 005 switchboard MONITOR=30 WHOX :are supported",
            ":irc.test 422 switchboard :No MOTD",
        ])
        #expect(result.sent.contains("MONITOR + NickServ"))
        #expect(session.loginPending && session.loggedInAccount == nil)

        result = try Self.feed(&session, [":irc.test 731 switchboard :NickServ"])
        #expect(result.actions == [.emit(.servicesChanged(online: false))])
        result = try Self.feed(&session, [":irc.test 730 switchboard :NickServ!services@services.test",
                                          ":irc.test CAP switchboard NEW :sasl=PLAIN,EXTERNAL"])
        #expect(result.actions.first == .emit(.servicesChanged(online: true)))
        #expect(result.sent == ["CAP REQ sasl"])
        result = try Self.feed(&session, [":irc.test CAP switchboard ACK :sasl"])
        #expect(result.sent == ["AUTHENTICATE PLAIN"])
        result = try Self.feed(&session, ["AUTHENTICATE +"])
        #expect(result.sent == ["AUTHENTICATE \(Data("switchboard\0switchboard\0pw".utf8).base64EncodedString())"])
        result = try Self.feed(&session, [":irc.test 900 switchboard switchboard!sb@h switchboard :You are now logged in",
                                          ":irc.test 903 switchboard :SASL authentication successful"])
        #expect(result.actions == [.emit(.loggedIn(account: "switchboard"))])
        #expect(result.sent.isEmpty, "no second CAP END after registration")
        #expect(!session.loginPending && session.loggedInAccount == "switchboard")

        // Once logged in, SASL coming and going again is not our business.
        result = try Self.feed(&session, [":irc.test CAP switchboard DEL :sasl", ":irc.test CAP switchboard NEW :sasl=PLAIN"])
        #expect(result.sent.isEmpty)
    }

    @Test("a late login that is refused keeps the connection and stops trying")
    func lateLoginRefused() throws {
        var session = IRCSession(configuration: Self.config(), isTLS: true)
        _ = session.start()
        _ = try Self.feed(&session, [":irc.test CAP * LS :cap-notify", ":irc.test CAP switchboard ACK :cap-notify",
                                     ":irc.test 001 switchboard :Welcome", ":irc.test CAP switchboard NEW :sasl",
                                     ":irc.test CAP switchboard ACK :sasl", "AUTHENTICATE +"])
        let result = try Self.feed(&session, [":irc.test 904 switchboard :SASL authentication failed"])
        #expect(result.actions.contains { if case .emit(.saslFailed(let r)) = $0 { r.contains("switchboard") } else { false } })
        #expect(!result.actions.contains { if case .disconnect = $0 { true } else { false } })
        #expect(!result.sent.contains { $0.hasPrefix("QUIT") })
        let again = try Self.feed(&session, [":irc.test CAP switchboard DEL :sasl", ":irc.test CAP switchboard NEW :sasl"])
        #expect(again.sent.isEmpty, "no retry loop against wrong credentials")
    }

    @Test("MONITOR reports for other nicks, and repeats, do not change the services state")
    func servicesMonitor() throws {
        var session = IRCSession(configuration: Self.config(sasl: nil), isTLS: true)
        _ = session.start()
        #expect(session.servicesCheck == nil, "nothing to check before registration")
        _ = try Self.feed(&session, [":irc.test 001 switchboard :Welcome", ":irc.test 005 switchboard MONITOR CASEMAPPING=rfc1459 :ok"])
        #expect(try session.servicesCheck?.serialized() == "MONITOR S")
        #expect(session.servicesOnline == nil)
        var result = try Self.feed(&session, [":irc.test 730 switchboard :aisha!a@h,nickserv!s@services.test"])
        #expect(result.actions == [.emit(.servicesChanged(online: true))], "nicks compare under the server's casemapping")
        result = try Self.feed(&session, [":irc.test 730 switchboard :NickServ!s@services.test", ":irc.test 731 switchboard :aisha"])
        #expect(result.actions.isEmpty)
        #expect(session.servicesOnline == true)
    }

    @Test("a long SASL payload is sent in 400-byte chunks")
    func saslChunking() throws {
        let password = String(repeating: "p", count: 600)
        var session = IRCSession(configuration: Self.config(sasl: .init(mechanism: .plain, account: "switchboard", password: password)), isTLS: true)
        _ = session.start()
        let result = try Self.feed(&session, [":irc.test CAP * LS :sasl", ":irc.test CAP * ACK :sasl", "AUTHENTICATE +"])
        let chunks = result.sent.filter { $0.hasPrefix("AUTHENTICATE ") && $0 != "AUTHENTICATE PLAIN" }
        #expect(chunks.count == 3)
        #expect(chunks.dropLast().allSatisfy { $0.utf8.count == "AUTHENTICATE ".utf8.count + 400 })
    }

    @Test("nick collisions try the alternates, then nick_")
    func nickCollision() throws {
        var session = IRCSession(configuration: Self.config(sasl: nil), isTLS: true)
        _ = session.start()
        var result = try Self.feed(&session, [":irc.test 433 * switchboard :Nickname is already in use"])
        #expect(result.sent == ["NICK sb-alt"])
        result = try Self.feed(&session, [":irc.test 433 * sb-alt :Nickname is already in use"])
        #expect(result.sent == ["NICK switchboard_"])
        result = try Self.feed(&session, [":irc.test 001 switchboard_ :Welcome"])
        #expect(session.currentNick == "switchboard_")
    }

    @Test("after the MOTD: bot mode when BOT is advertised, then JOIN")
    func botModeAndJoin() throws {
        var session = IRCSession(configuration: Self.config(sasl: nil, channels: ["#support", "#eng"]), isTLS: true)
        _ = session.start()
        let result = try Self.feed(&session, [
            ":irc.test CAP * LS :server-time", ":irc.test CAP * ACK :server-time", ":irc.test 001 switchboard :Welcome",
            ":irc.test 005 switchboard BOT=B WHOX CASEMAPPING=rfc1459 :are supported", ":irc.test 376 switchboard :End of MOTD",
        ])
        #expect(result.sent.contains("MODE switchboard +B"))
        #expect(result.sent.suffix(2) == ["JOIN #support", "JOIN #eng"])
    }

    @Test("PING is answered with the same token, tags and source notwithstanding")
    func pingPong() throws {
        var session = IRCSession(configuration: Self.config(sasl: nil), isTLS: true)
        let result = try Self.feed(&session, ["@time=2026-01-01T00:00:00.000Z :irc.test PING :abc def"])
        #expect(result.sent == ["PONG :abc def"])
    }

    @Test("identity: account-tag is authoritative; without it the tracker answers; a nick change forgets")
    func accountTracking() throws {
        var session = IRCSession(configuration: Self.config(sasl: nil), isTLS: true)
        _ = session.start()
        _ = try Self.feed(&session, [
            ":irc.test CAP * LS :extended-join account-notify", ":irc.test CAP * ACK :extended-join account-notify",
            ":irc.test 001 switchboard :Welcome", ":irc.test 005 switchboard WHOX :are supported",
            ":switchboard!sb@h JOIN #support * :bot",
            ":founder!f@h JOIN #support founder :Founder", ":guest!g@h JOIN #support * :Guest",
        ])
        #expect(session.account(of: "founder") == "founder")
        #expect(session.account(of: "FOUNDER") == "founder")
        #expect(session.account(of: "guest") == nil)
        var result = try Self.feed(&session, [":founder!f@h PRIVMSG #support :!claim 42"])
        #expect(result.actions.contains { if case .emit(.message(let m)) = $0 { m.senderAccount == "founder" && m.channel == "#support" } else { false } })

        _ = try Self.feed(&session, [":guest!g@h ACCOUNT mallory"])
        #expect(session.account(of: "guest") == "mallory")
        _ = try Self.feed(&session, [":guest!g@h ACCOUNT *"])
        #expect(session.account(of: "guest") == nil)

        result = try Self.feed(&session, [":founder!f@h NICK boss"])
        #expect(session.account(of: "boss") == nil, "a renamed user is unverified until WHOX answers")
        #expect(result.sent == ["WHO boss %tna,152"])
        _ = try Self.feed(&session, [":irc.test 354 switchboard 152 boss founder"])
        #expect(session.account(of: "boss") == "founder")

        _ = try Self.feed(&session, [":boss!f@h QUIT :bye", ":impostor!i@h NICK founder"])
        #expect(session.account(of: "founder") == nil)
    }

    @Test("with account-tag, a message without the tag is from nobody, whatever the tracker thought")
    func accountTagAbsent() throws {
        var session = IRCSession(configuration: Self.config(sasl: nil), isTLS: true)
        _ = session.start()
        _ = try Self.feed(&session, [
            ":irc.test CAP * LS :account-tag extended-join", ":irc.test CAP * ACK :account-tag extended-join",
            ":irc.test 001 switchboard :Welcome", ":switchboard!sb@h JOIN #support * :bot", ":founder!f@h JOIN #support founder :F",
        ])
        let result = try Self.feed(&session, [":founder!f@h PRIVMSG #support :!send 42 hi"])
        #expect(result.actions.contains { if case .emit(.message(let m)) = $0 { m.senderAccount == nil } else { false } })
    }

    @Test("KICK of the bot schedules a rejoin with the channel key")
    func kickRejoin() throws {
        var config = Self.config(sasl: nil)
        config.channels = [.init(name: "#private", key: "sekrit")]
        var session = IRCSession(configuration: config, isTLS: true)
        _ = session.start()
        let result = try Self.feed(&session, [":irc.test 001 switchboard :Welcome", ":switchboard!sb@h JOIN #private",
                                              ":op!o@h KICK #private switchboard :out"])
        #expect(result.actions.contains { if case .sendLater(let m, _) = $0 { m.parameters == ["#private", "sekrit"] } else { false } })
        #expect(!session.isInChannel("#private"))
    }

    @Test("CTCP VERSION and PING are answered, at most once every few seconds")
    func ctcp() throws {
        var session = IRCSession(configuration: Self.config(sasl: nil), isTLS: true)
        _ = session.start()
        var result = try Self.feed(&session, [":irc.test 001 switchboard :Welcome", ":someone!s@h PRIVMSG switchboard :\u{1}VERSION\u{1}"])
        #expect(result.sent == ["NOTICE someone :\u{1}VERSION Switchboard (Swift)\u{1}"])
        result = try Self.feed(&session, [":someone!s@h PRIVMSG switchboard :\u{1}PING 123\u{1}"])
        #expect(result.sent.isEmpty, "rate-limited")
        #expect(!result.actions.contains { if case .emit = $0 { true } else { false } }, "CTCP is never chat")
    }

    @Test("STS over plaintext upgrades to TLS; over TLS the policy is remembered")
    func sts() throws {
        var plain = IRCSession(configuration: Self.config(sasl: nil), isTLS: false)
        _ = plain.start()
        var result = try Self.feed(&plain, [":irc.test CAP * LS :sts=port=6697,duration=300"])
        #expect(result.actions.contains(.stsUpgrade(port: 6697)))
        var secure = IRCSession(configuration: Self.config(sasl: nil), isTLS: true)
        _ = secure.start()
        result = try Self.feed(&secure, [":irc.test CAP * LS :sts=duration=300"])
        #expect(result.actions.contains(.stsPersist(duration: 300)))
        var removal = IRCSession(configuration: Self.config(sasl: nil), isTLS: true)
        _ = removal.start()
        result = try Self.feed(&removal, [":irc.test CAP * LS :sts=duration=0"])
        #expect(result.actions.contains(.stsPersist(duration: 0)), "duration=0 reaches the client, which removes the policy")
    }

    @Test("CAP NEW requests newly offered capabilities; CAP DEL disables them")
    func capNotify() throws {
        var session = IRCSession(configuration: Self.config(sasl: nil), isTLS: true)
        _ = session.start()
        _ = try Self.feed(&session, [":irc.test CAP * LS :cap-notify", ":irc.test CAP * ACK :cap-notify", ":irc.test 001 switchboard :Welcome"])
        var result = try Self.feed(&session, [":irc.test CAP switchboard NEW :account-notify"])
        #expect(result.sent == ["CAP REQ account-notify"])
        _ = try Self.feed(&session, [":irc.test CAP switchboard ACK :account-notify"])
        #expect(session.enabledCapabilities.contains("account-notify"))
        result = try Self.feed(&session, [":irc.test CAP switchboard DEL :account-notify"])
        #expect(!session.enabledCapabilities.contains("account-notify"))
    }
}

@Suite("ReconnectBackoff")
struct ReconnectBackoffTests {
    @Test("doubles, caps, jitters within bounds, and resets after a stable session")
    func backoff() {
        var backoff = ReconnectBackoff(policy: ReconnectPolicy(initialDelay: .seconds(5), maximumDelay: .seconds(60), jitter: 0.2, stableAfter: .seconds(120)))
        let middle = (0..<6).map { _ in backoff.nextDelay(unitRandom: 0.5) }
        #expect(middle == [.seconds(5), .seconds(10), .seconds(20), .seconds(40), .seconds(60), .seconds(60)])
        let high = backoff.nextDelay(unitRandom: 0.999)
        #expect(high > .seconds(60) && high <= .seconds(72))
        backoff.sessionEnded(lasted: .seconds(30))
        #expect(backoff.nextDelay(unitRandom: 0.5) == .seconds(60))
        backoff.sessionEnded(lasted: .seconds(300))
        #expect(backoff.nextDelay(unitRandom: 0.5) == .seconds(5))
    }
}
