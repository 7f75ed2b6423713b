import Foundation
import IRCClient
import Testing
import TestSupport

/// `irc.tls_fingerprints` against the real InspIRCd listener whose self-signed certificate names
/// `pinned.example` (the client connects to `localhost`): the pin replaces both the chain and the name
/// checks, and without a matching pin nothing about that certificate is acceptable.
@Suite("TLS certificate pinning against InspIRCd", .serialized, .needsServers)
struct TLSPinningTests {
    static func pinnedConfiguration(_ net: TestNetwork, nick: String, pins: [String]) throws -> IRCClientConfiguration {
        var config = net.configuration(nick: nick, account: "switchboard", channels: ["#pinned"])
        config.port = try #require(net.info.self_signed_port)
        config.tlsFingerprints = pins
        return config
    }

    static func refusal(of bot: RunningClient) async throws -> String {
        let event = try await bot.waitFor("a TLS refusal") { if case .disconnected = $0 { true } else { false } }
        guard case .disconnected(let reason) = event else { return "" }
        #expect(!(await bot.events.contains { if case .registered = $0 { true } else { false } }))
        return reason
    }

    @Test("a pinned self-signed certificate for another name is accepted; one matching pin among several is enough")
    func pinnedSelfSignedAccepted() async throws {
        let net = try await TestNetwork.shared()
        let fingerprint = try #require(net.info.self_signed_fingerprint)
        // `openssl x509 -fingerprint -sha256` prints upper case with colons; both spellings pin the same key.
        let colons = stride(from: 0, to: fingerprint.count, by: 2).map {
            let start = fingerprint.index(fingerprint.startIndex, offsetBy: $0)
            return fingerprint[start..<fingerprint.index(start, offsetBy: 2)].uppercased()
        }.joined(separator: ":")
        let bot = RunningClient(try Self.pinnedConfiguration(net, nick: "sbpinned", pins: [String(repeating: "0", count: 64), colons]))
        defer { Task { await bot.stop() } }
        try await bot.waitUntilRegistered()
        try await bot.waitUntilJoined("#pinned")
        #expect(await bot.client.loggedInAccount == "switchboard")
    }

    @Test("the same certificate without a pin is refused: untrusted, and not valid for localhost")
    func unpinnedRefused() async throws {
        let net = try await TestNetwork.shared()
        let bot = RunningClient(try Self.pinnedConfiguration(net, nick: "sbunpinned", pins: []))
        defer { Task { await bot.stop() } }
        let reason = try await Self.refusal(of: bot)
        #expect(reason.contains("TLS"), "reason was: \(reason)")
    }

    @Test("a pin that matches no certificate is refused, even for a server the CA vouches for")
    func wrongPinRefused() async throws {
        let net = try await TestNetwork.shared()
        let wrong = String(repeating: "ab", count: 32)
        let selfSigned = RunningClient(try Self.pinnedConfiguration(net, nick: "sbwrongpin", pins: [wrong]))
        defer { Task { await selfSigned.stop() } }
        #expect(try await Self.refusal(of: selfSigned).contains("TLS"))

        // The main listener's certificate is signed by the CA in `ca_file`: with pins, the CA is not enough.
        var config = net.configuration(nick: "sbwrongpin2", account: "switchboard")
        config.tlsFingerprints = [wrong]
        let caSigned = RunningClient(config)
        defer { Task { await caSigned.stop() } }
        #expect(try await Self.refusal(of: caSigned).contains("TLS"))
    }
}
