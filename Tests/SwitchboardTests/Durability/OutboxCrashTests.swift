import Desk
import Foundation
import Store
@testable import Switchboard
import Testing
import TestSupport

/// The exactly-once rule with the real `switchboard serve` binary, a SIGKILL, and a local stub of
/// Twilio's Messages API: a committed reply is sent once after a crash, and a reply whose request may
/// have reached the provider is never sent again on Switchboard's own initiative.
@Suite("Outbox across crashes", .serialized, .needsServers)
struct OutboxCrashTests {
    static let token = "tw-crash-31d0c9b8a7f6e5d4c3b2a190"

    struct Setup {
        let folder: URL
        let configPath: String
        let databasePath: String
        let server: ServeProcess
    }

    static func setUp(stub: ProviderStub) throws -> Setup {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-outbox-crash-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let port = try FreePort.pick()
        let configPath = folder.appendingPathComponent("switchboard.yaml").path
        let databasePath = folder.appendingPathComponent("switchboard.sqlite").path
        try """
            http: {bind: "127.0.0.1:\(port)", public_url: "https://support.example.test"}
            storage: {path: \(databasePath)}
            whatsapp:
              twilio: {account_sid: AC0123456789abcdef0123456789abcdef, auth_token: "${TWILIO_AUTH_TOKEN}", from: "whatsapp:+14155238886", api_base_url: "\(stub.baseURL)"}
            """.write(toFile: configPath, atomically: true, encoding: .utf8)
        let server = ServeProcess(configPath: configPath, environment: ["TWILIO_AUTH_TOKEN": token], port: port, logFolder: folder)
        return Setup(folder: folder, configPath: configPath, databasePath: databasePath, server: server)
    }

    /// A ticket with a committed reply in the outbox, written straight to the database file: exactly the
    /// state a crash right after the commit leaves behind.
    static func commitReply(_ text: String, databasePath: String) async throws {
        let database = try AppDatabase.open(path: databasePath)
        let ticket = try await database.ingest(InboundMessage(
            channel: .whatsapp, providerID: "SMcrash\(UUID().uuidString.prefix(8))", contact: .phone("+971501232233"), text: "refund?"),
            triage: nil).ticketID
        let payload = try JSONEncoder().encode(OutboundPayload(ticket: ticket, to: "+971501232233", text: text))
        _ = try await database.enqueueOutbound(OutboundDraft(ticketID: ticket, channel: .whatsapp, text: text, payload: payload, author: "aisha"))
    }

    static func exportedOutbound(_ setup: Setup) async throws -> [ExportRow] {
        let export = try await SwitchboardBinary.run(["export", "--config", setup.configPath], environment: ["TWILIO_AUTH_TOKEN": token])
        #expect(export.status == 0, "\(export.stderr)")
        return try export.stdout.split(separator: "\n").map { try JSONDecoder().decode(ExportRow.self, from: Data($0.utf8)) }
            .filter { $0.direction == .outbound }
    }

    @Test("a reply committed before a crash is sent exactly once after the restart, and not again after another crash")
    func committedBeforeCrashIsSentOnce() async throws {
        let stub = try await ProviderStub.start { _, index in ProviderStub.twilioCreated(sid: String(format: "SMcrashok%025d", index)) }
        defer { stub.stop() }
        let setup = try Self.setUp(stub: stub)
        try setup.server.start()
        try await setup.server.waitUntilHealthy()
        setup.server.kill9()
        try await Self.commitReply("Refund approved today; 5 working days to your card.", databasePath: setup.databasePath)

        try setup.server.start()
        defer { _ = setup.server.terminate() }
        try await setup.server.waitUntilHealthy()
        try await eventually("the send") { stub.requests.count >= 1 }
        try await eventually("the send recorded as sent", every: .milliseconds(250)) {
            try await Self.exportedOutbound(setup).map(\.status) == [.sent]
        }
        setup.server.kill9()
        try setup.server.start()
        try await setup.server.waitUntilHealthy()
        // A fixed wait on purpose: the test proves no second send happens during it.
        try await Task.sleep(for: .seconds(2))

        #expect(stub.requests.count == 1, "sent once across two restarts")
        #expect(stub.requests.first?.field("Body") == "Refund approved today; 5 working days to your card.")
        #expect(try await Self.exportedOutbound(setup).map(\.status) == [.sent])
    }

    @Test("a crash while the provider holds the request leaves the reply 'unknown' and it is never sent again")
    func crashDuringRequestIsUnknown() async throws {
        // The first request never gets an answer: Switchboard is killed while waiting for it.
        let stub = try await ProviderStub.start { _, index in index == 0 ? .hang : ProviderStub.twilioCreated(sid: "SMsecond") }
        defer { stub.stop() }
        let setup = try Self.setUp(stub: stub)
        try setup.server.start()
        defer { _ = setup.server.terminate() }
        try await setup.server.waitUntilHealthy()
        try await Self.commitReply("Your replacement ships tomorrow.", databasePath: setup.databasePath)
        try await eventually("the request to reach the provider") { stub.requests.count == 1 }

        setup.server.kill9()
        try setup.server.start()
        try await setup.server.waitUntilHealthy()
        // A fixed wait on purpose: the test proves no second send happens during it.
        try await Task.sleep(for: .seconds(3))

        #expect(stub.requests.count == 1, "no second send on Switchboard's own initiative")
        #expect(try await Self.exportedOutbound(setup).map(\.status) == [.unknown])
        let database = try AppDatabase.openReadOnly(path: setup.databasePath)
        let unknown = try await database.outboxItems(states: [.unknown])
        #expect(unknown.count == 1)
        #expect(try await database.outboxItems(states: [.pending, .inFlight]).isEmpty)
    }
}
