import Desk
import Foundation
import Store
import Testing

/// `switchboard export` as a process: the contract's keys, `--customer`, and a clear error without a DB.
@Suite("switchboard export")
struct ExportCommandTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-export-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func config(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("switchboard.yaml").path
        try "storage: {path: var/switchboard.sqlite}\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("no database: a clear error on stderr and exit 1")
    func missingDatabase() async throws {
        let folder = try Self.folder()
        let result = try await SwitchboardBinary.run(["export", "--config", Self.config(in: folder)])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no database at \(folder.path)/var/switchboard.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("var/switchboard.sqlite").path),
                "export never creates a database")
    }

    @Test("one JSON line per message with exactly the contract's keys; --customer filters")
    func linesAndCustomerFilter() async throws {
        let folder = try Self.folder()
        let config = try Self.config(in: folder)
        let database = try AppDatabase.open(path: folder.appendingPathComponent("var/switchboard.sqlite").path)
        let first = try await database.ingest(
            InboundMessage(channel: .whatsapp, providerID: "SMexport01", contact: .phone("+971501234567"), text: "مرحبا 👋"),
            triage: TriageSummary(category: .billing, confidence: 0.9, urgency: .high, lang: "ar"))
        _ = try await database.ingest(
            InboundMessage(channel: .whatsapp, providerID: "SMexport02", contact: .phone("+6281234567890"), text: "halo"), triage: nil)
        _ = try await database.ingest(
            InboundMessage(channel: .whatsapp, providerID: "SMexport03", contact: .phone("+971501234567"), text: "still waiting"), triage: nil)

        let all = try await SwitchboardBinary.run(["export", "--config", config])
        #expect(all.status == 0, "\(all.stderr)")
        let lines = all.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let contractKeys: Set<String> = ["ticket", "message_id", "direction", "channel", "provider_id", "customer", "received_at",
                                         "category", "urgency", "lang", "status", "text"]
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == contractKeys)
        }
        let rows = try lines.map { try JSONDecoder().decode(ExportRow.self, from: Data($0.utf8)) }
        let arabic = try #require(rows.first { $0.providerID == "SMexport01" })
        #expect(arabic.text == "مرحبا 👋" && arabic.category == .billing && arabic.urgency == .high && arabic.lang == "ar")

        guard case .stored(let receipt) = first else { Issue.record("expected a stored message"); return }
        let one = try await SwitchboardBinary.run(["export", "--config", config, "--customer", "\(receipt.customerID)"])
        #expect(one.status == 0)
        let filtered = try one.stdout.split(separator: "\n").map { try JSONDecoder().decode(ExportRow.self, from: Data($0.utf8)) }
        #expect(filtered.map(\.providerID) == ["SMexport01", "SMexport03"])
        #expect(filtered.allSatisfy { $0.customer == receipt.customerID })
    }
}
