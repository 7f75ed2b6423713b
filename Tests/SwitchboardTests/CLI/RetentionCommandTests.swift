import Desk
import Foundation
import Store
import Testing
import TestSupport

/// `switchboard retention` and the retention run inside `serve`, through the real binary, on a
/// database whose history was written with an old clock.
@Suite("retention command", .serialized)
struct RetentionCommandTests {
    static let day: TimeInterval = 86_400

    struct Setup {
        var folder: URL
        var config: String
        var oldClosed: Int64
    }

    /// An old closed ticket with a reply (100 days ago), an old open ticket, and a ticket closed today;
    /// `retention.messages: 30d`.
    static func setup(port: Int = 8080, retention: String? = "30d") async throws -> Setup {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-retention-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let storage = folder.appendingPathComponent("db.sqlite").path
        let config = folder.appendingPathComponent("switchboard.yaml").path
        try ("http: {bind: \"127.0.0.1:\(port)\"}\nstorage: {path: \(storage)}\n" + (retention.map { "retention: {messages: \($0)}\n" } ?? ""))
            .write(toFile: config, atomically: true, encoding: .utf8)
        let triage = TriageSummary(category: .support, confidence: 0.9, urgency: .normal, lang: "en")
        func message(_ id: String, _ phone: String, _ text: String) -> InboundMessage {
            InboundMessage(channel: .whatsapp, providerID: id, contact: .phone(phone), displayName: "Pat", text: text)
        }

        let past = Date().addingTimeInterval(-100 * day)
        let old = try AppDatabase.open(path: storage, now: { past })
        let closed = try await old.ingest(message("SMold1", "+971500000001", "my address is 1 Kettle St"), triage: triage).ticketID
        _ = try await old.enqueueOutbound(OutboundDraft(ticketID: closed, channel: .whatsapp, text: "Replacement on its way.",
                                                        payload: Data(#"{"body":"x"}"#.utf8), author: "aisha"))
        let item = try #require(try await old.claimNextOutbox())
        _ = try await old.recordOutboxResult(id: item.id, .sent(providerID: "SMout1"))
        _ = try await old.apply(.closed(), toTicket: closed, actor: "aisha")
        _ = try await old.ingest(message("SMold2", "+971500000002", "still open"), triage: triage)

        let current = try AppDatabase.open(path: storage)
        let recent = try await current.ingest(message("SMnew1", "+971500000003", "thanks"), triage: triage).ticketID
        _ = try await current.apply(.closed(), toTicket: recent, actor: "aisha")
        return Setup(folder: folder, config: config, oldClosed: closed)
    }

    static func export(_ config: String) async throws -> [ExportRow] {
        let result = try await SwitchboardBinary.run(["export", "--config", config])
        #expect(result.status == 0, "\(result.stderr)")
        return try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(ExportRow.self, from: Data($0.utf8)) }
    }

    static func retention(_ config: String, dryRun: Bool = false) async throws -> [String: Any] {
        let result = try await SwitchboardBinary.run(["retention", "--config", config] + (dryRun ? ["--dry-run"] : []))
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
    }

    @Test("--dry-run counts and changes nothing; a run erases the old closed ticket's messages once")
    func command() async throws {
        let setup = try await Self.setup()
        let before = try await Self.export(setup.config)
        #expect(before.count == 4)

        let planned = try await Self.retention(setup.config, dryRun: true)
        #expect(planned["dry_run"] as? Bool == true)
        #expect(planned["older_than"] as? String == "30d")
        #expect(planned["tickets"] as? Int == 1 && planned["messages"] as? Int == 2 && planned["outbox"] as? Int == 1)
        #expect((planned["remaining"] as? [String: Int])?["messages"] == 4)
        #expect(try await Self.export(setup.config) == before)

        let erased = try await Self.retention(setup.config)
        #expect(erased["dry_run"] as? Bool == false)
        for key in ["tickets", "messages", "outbox", "corrections", "redacted_events", "waiting_on_sends"] {
            #expect(erased[key] as? Int == planned[key] as? Int, "\(key)")
        }
        #expect(erased["redacted_events"] as? Int == 1, "the sent event's provider id")
        #expect((erased["remaining"] as? [String: Int]) == ["tickets": 3, "messages": 2, "customers": 3])
        #expect(try await Self.export(setup.config) == before.filter { $0.ticket != setup.oldClosed })

        let again = try await Self.retention(setup.config)
        #expect(again["tickets"] as? Int == 0 && again["messages"] as? Int == 0)
    }

    @Test("without retention.messages the command says so and exits 1")
    func notConfigured() async throws {
        let setup = try await Self.setup(retention: nil)
        let result = try await SwitchboardBinary.run(["retention", "--config", setup.config])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no retention.messages"), "\(result.stderr)")
        #expect(try await Self.export(setup.config).count == 4)
    }

    @Test("serve applies retention at start-up and logs the counts", .needsServers)
    func serve() async throws {
        let port = try FreePort.pick()
        let setup = try await Self.setup(port: port)
        let server = ServeProcess(configPath: setup.config, environment: [:], port: port, logFolder: setup.folder)
        try server.start()
        defer { _ = server.terminate() }
        try await server.waitUntilHealthy()
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        while !server.log.contains("retention: erased"), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(100)) }
        #expect(server.log.contains("retention: erased the messages of 1 tickets closed over 30d ago"), "\(server.log)")
        let rows = try await Self.export(setup.config)
        #expect(rows.count == 2 && !rows.contains { $0.ticket == setup.oldClosed })
    }
}
