import Foundation
import HTTPTypes
import Testing
import TestSupport

/// Files with customer data are private to the service's user, whatever umask started the process; and
/// `backup` never writes into a file that already exists.
@Suite("File permissions and exclusive backups", .serialized)
struct FilePermissionTests {
    static let corpus = EmailCommandTests.corpus

    /// The permission bits of `path`, or nil when it does not exist.
    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    static func expectPrivate(_ paths: [String], _ when: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for path in paths {
            let mode = Self.mode(path)
            #expect(mode == 0o600, "\(URL(fileURLWithPath: path).lastPathComponent) after \(when): \(mode.map { String($0, radix: 8) } ?? "missing")",
                    sourceLocation: sourceLocation)
        }
    }

    static func folder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("serve, ingest-email and backup started with umask 000 create the database, its WAL and the backup 0600", .needsServers)
    func privateFiles() async throws {
        let folder = try Self.folder("modes")
        let database = folder.appendingPathComponent("data/switchboard.sqlite").path
        let port = try FreePort.pick()
        let configPath = try OperationsCommandTests.config(folder: folder, port: port, storage: database)
        let server = ServeProcess(configPath: configPath, environment: OperationsCommandTests.environment, port: port,
                                  logFolder: folder, umask: "000")
        try server.start()
        defer { _ = server.terminate() }
        try await server.waitUntilHealthy()
        #expect(try await DiskFaultTests.post(1, port: server.port) == .ok)
        Self.expectPrivate([database, database + "-wal", database + "-shm"], "serve")
        #expect(Self.mode(folder.appendingPathComponent("data").path) == 0o700, "the folder serve created for the database")

        let raw = try Data(contentsOf: Self.corpus.appendingPathComponent("d01_en_plain_7bit_new_ticket.eml"))
        let ingested = try await SwitchboardBinary.run(["ingest-email", "--config", configPath], environment: OperationsCommandTests.environment,
                                                       stdin: raw, umask: "000")
        #expect(ingested.status == 0, "\(ingested.stderr)")
        Self.expectPrivate([database, database + "-wal", database + "-shm"], "ingest-email next to serve")

        let backup = folder.appendingPathComponent("backup.sqlite").path
        let backedUp = try await SwitchboardBinary.run(["backup", "--config", configPath, backup], environment: OperationsCommandTests.environment,
                                                       umask: "000")
        #expect(backedUp.status == 0, "\(backedUp.stderr)")
        Self.expectPrivate([backup], "backup")
        #expect(server.terminate() == 0)

        // ingest-email alone (an MTA's pipe, before serve ever ran) creates the database itself.
        let alone = try Self.folder("modes-mta")
        let aloneDatabase = alone.appendingPathComponent("switchboard.sqlite").path
        let aloneConfig = try EmailCommandTests.config(storage: aloneDatabase)
        let first = try await SwitchboardBinary.run(["ingest-email", "--config", aloneConfig], stdin: raw, umask: "000")
        #expect(first.status == 0, "\(first.stderr)")
        Self.expectPrivate([aloneDatabase], "ingest-email creating the database")
    }

    @Test("backup to an existing file fails with a clear message and leaves the file as it was")
    func backupRefusesExistingFile() async throws {
        let folder = try Self.folder("backup-exists")
        let database = folder.appendingPathComponent("switchboard.sqlite").path
        let configPath = try EmailCommandTests.config(storage: database)
        let raw = try Data(contentsOf: Self.corpus.appendingPathComponent("d01_en_plain_7bit_new_ticket.eml"))
        #expect(try await SwitchboardBinary.run(["ingest-email", "--config", configPath], stdin: raw).status == 0)

        let existing = folder.appendingPathComponent("important.sqlite").path
        let original = Data("not a backup: someone's file\n".utf8)
        try original.write(to: URL(fileURLWithPath: existing))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: existing)
        let result = try await SwitchboardBinary.run(["backup", "--config", configPath, existing])
        #expect(result.status == 1)
        #expect(result.stderr.contains("already exists"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: existing)) == original, "the existing file is untouched")
        #expect(Self.mode(existing) == 0o644)

        // A symlink planted at that name is refused too, even one that points nowhere yet: "does the file
        // exist?" says no for it, and a create that follows it would write wherever it points.
        let target = folder.appendingPathComponent("elsewhere.sqlite").path
        let link = folder.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let linked = try await SwitchboardBinary.run(["backup", "--config", configPath, link])
        #expect(linked.status == 1, "\(linked.stdout)")
        #expect(!FileManager.default.fileExists(atPath: target), "nothing was written through the link")
    }
}
