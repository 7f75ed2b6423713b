import Desk
import Foundation
import Synchronization
import Testing
import TestSupport

/// `backup` next to a busy `serve`, the documented restore, and `forget`, through the real binary.
@Suite("Operations commands", .serialized, .needsServers)
struct OperationsCommandTests {
    static func config(folder: URL, port: Int, storage: String) throws -> String {
        let path = folder.appendingPathComponent("switchboard-\(UUID().uuidString.prefix(4)).yaml").path
        try """
            http: {bind: "127.0.0.1:\(port)", public_url: "\(WebhookDurabilityTests.publicURL)"}
            storage: {path: \(storage)}
            whatsapp:
              twilio: {account_sid: AC0123456789abcdef0123456789abcdef, auth_token: "${TWILIO_AUTH_TOKEN}", from: "whatsapp:+14155238886"}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let environment = ["TWILIO_AUTH_TOKEN": WebhookDurabilityTests.token]

    static func export(_ config: String, customer: Int64? = nil) async throws -> [ExportRow] {
        let result = try await SwitchboardBinary.run(["export", "--config", config] + (customer.map { ["--customer", String($0)] } ?? []),
                                                     environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        return try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(ExportRow.self, from: Data($0.utf8)) }
    }

    @Test("backup while serve takes webhooks is a consistent snapshot, and restoring it brings exactly that back")
    func backupAndRestore() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-backup-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let port = try FreePort.pick()
        let live = folder.appendingPathComponent("live.sqlite").path
        let configPath = try Self.config(folder: folder, port: port, storage: live)
        let server = ServeProcess(configPath: configPath, environment: Self.environment, port: port, logFolder: folder)
        try server.start()
        defer { _ = server.terminate() }
        try await server.waitUntilHealthy()

        let tally = WebhookDurabilityTests.Tally()
        let load = Task {
            for index in 0..<300 { await WebhookDurabilityTests.deliver(index, port: port, tally: tally) }
        }
        while tally.answeredCount < 100 { try await Task.sleep(for: .milliseconds(10)) }
        let backupPath = folder.appendingPathComponent("backup.sqlite").path
        let backup = try await SwitchboardBinary.run(["backup", "--config", configPath, backupPath], environment: Self.environment)
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdout.contains("messages"), "\(backup.stdout)")
        _ = await load.value
        let again = try await SwitchboardBinary.run(["backup", "--config", configPath, backupPath], environment: Self.environment)
        #expect(again.status == 1 && again.stderr.contains("already exists"), "an existing file is never overwritten")

        let backupConfig = try Self.config(folder: folder, port: port, storage: backupPath)
        let snapshot = try await Self.export(backupConfig)
        let everything = try await Self.export(configPath)
        #expect(everything.count == 300)
        #expect(snapshot.count >= 100 && snapshot.count < 300, "a snapshot taken mid-load: \(snapshot.count)")
        #expect(Set(snapshot.compactMap(\.providerID)).isSubset(of: Set(everything.compactMap(\.providerID))))

        // The documented restore: stop serve, put the backup in place, remove the old WAL files, start.
        #expect(server.terminate() == 0)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: live + suffix) }
        try FileManager.default.copyItem(atPath: backupPath, toPath: live)
        try server.start()
        try await server.waitUntilHealthy()
        let restored = try await Self.export(configPath)
        #expect(restored.map(\.providerID) == snapshot.map(\.providerID))
        #expect(restored.map(\.text) == snapshot.map(\.text))
    }

    @Test("forget erases one customer's messages and leaves the others")
    func forget() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-forget-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let port = try FreePort.pick()
        let configPath = try Self.config(folder: folder, port: port, storage: folder.appendingPathComponent("db.sqlite").path)
        let server = ServeProcess(configPath: configPath, environment: Self.environment, port: port, logFolder: folder)
        try server.start()
        try await server.waitUntilHealthy()
        let tally = WebhookDurabilityTests.Tally()
        for index in 0..<40 { await WebhookDurabilityTests.deliver(index, port: port, tally: tally) }
        #expect(server.terminate() == 0)

        let before = try await Self.export(configPath)
        let victim = try #require(before.first?.customer)
        let theirs = before.filter { $0.customer == victim }
        #expect(!theirs.isEmpty)
        let forget = try await SwitchboardBinary.run(["forget", "--config", configPath, "--customer", String(victim)], environment: Self.environment)
        #expect(forget.status == 0, "\(forget.stderr)")
        #expect(forget.stdout.contains("messages=\(theirs.count)"), "\(forget.stdout)")
        #expect(try await Self.export(configPath, customer: victim).isEmpty)
        let after = try await Self.export(configPath)
        #expect(after.count == before.count - theirs.count)
        #expect(!after.contains { row in theirs.contains { $0.text == row.text && $0.customer == row.customer } })
        let missing = try await SwitchboardBinary.run(["forget", "--config", configPath, "--customer", "999999"], environment: Self.environment)
        #expect(missing.status == 1 && !missing.stderr.isEmpty, "an unknown customer is a clear error")
    }
}
