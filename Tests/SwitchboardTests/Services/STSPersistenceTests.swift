import Foundation
import IRCClient
import Store
@testable import Switchboard
import Testing
import TestSupport

/// IRCv3 STS policies kept in the database (`sts_policies`), as `serve` wires them: one learned in one run
/// is honoured by a fresh client and database handle after a restart, expires, and `duration=0` removes it.
@Suite("STS policies across restarts", .serialized, .needsServers)
struct STSPersistenceTests {
    static func databasePath() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-sts-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("switchboard.sqlite").path
    }

    static func isDisconnect(_ event: IRCEvent) -> Bool { if case .disconnected = event { true } else { false } }

    @Test("learned in one run (plaintext upgraded to TLS), applied after a restart by a fresh client and database")
    func policySurvivesRestart() async throws {
        let net = try await TestNetwork.start(accounts: ["switchboard:sts-secret-1"], stsDuration: 300)
        defer { Task { try? await net.stop() } }
        let tlsPort = try #require(net.info.tls_port)
        let path = try Self.databasePath()

        // Run 1: configured for plaintext; InspIRCd's `sts=port=` sends the client to TLS, where `duration=`
        // sets the persistence policy.
        var plaintext = net.configuration(nick: "sbsts1", account: "switchboard")
        plaintext.useTLS = false
        plaintext.port = net.info.plain_port
        let first = RunningClient(plaintext, stsStore: DatabaseSTSPolicyStore(database: try AppDatabase.open(path: path)))
        try await first.waitUntilRegistered()
        #expect(await first.events.contains { if case .disconnected(let reason) = $0 { reason.contains("STS") } else { false } },
                "the first run went through the plaintext upgrade")
        await first.stop()

        let stored = try #require(try await AppDatabase.open(path: path).stsPolicy(host: "LocalHost"))
        #expect(stored.port == tlsPort, "the policy pins the port of the secure connection")
        #expect(abs(stored.expiresAt.timeIntervalSinceNow - 300) < 60, "and lasts the advertised duration")

        // Run 2, as after a restart: new database handle, new client, still configured for plaintext but on
        // a port nobody listens on. Only the stored policy can bring it to the network, over TLS at once.
        plaintext.nick = "sbsts2"
        plaintext.port = try FreePort.pick()
        let second = RunningClient(plaintext, stsStore: DatabaseSTSPolicyStore(database: try AppDatabase.open(path: path)))
        defer { Task { await second.stop() } }
        try await second.waitUntilRegistered()
        #expect(!(await second.events.contains(where: Self.isDisconnect)), "no plaintext attempt before TLS")
    }

    @Test("an expired policy is forgotten and the configured connection is used")
    func expiredPolicyIgnored() async throws {
        let net = try await TestNetwork.shared()
        let database = try AppDatabase.open(path: try Self.databasePath())
        try await database.saveSTSPolicy(host: "localhost", port: try FreePort.pick(), expiresAt: Date().addingTimeInterval(-1))
        let bot = RunningClient(net.configuration(nick: "sbstsold", account: "switchboard"), stsStore: DatabaseSTSPolicyStore(database: database))
        defer { Task { await bot.stop() } }
        try await bot.waitUntilRegistered()
        #expect(try await database.stsPolicy(host: "localhost") == nil)
    }

    @Test("duration=0 over TLS removes the stored policy")
    func zeroDurationRemoves() async throws {
        let server = try await ScriptedIRCServer.start(caps: "sts=duration=0")
        defer { server.stop() }
        let database = try AppDatabase.open(path: try Self.databasePath())
        // The stored policy is what sends the client (configured for a dead plaintext port) to the server.
        try await database.saveSTSPolicy(host: "localhost", port: server.port, expiresAt: Date().addingTimeInterval(3600))
        let config = IRCClientConfiguration(host: "localhost", port: try FreePort.pick(), useTLS: false, caFile: server.caFile, nick: "sbstszero")
        let bot = RunningClient(config, stsStore: DatabaseSTSPolicyStore(database: database))
        defer { Task { await bot.stop() } }
        try await bot.waitUntilRegistered()
        try await eventually("the policy to be removed", timeout: .seconds(10)) {
            try await database.stsPolicy(host: "localhost") == nil
        }
    }
}
