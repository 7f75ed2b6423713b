import Desk
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// The real `serve` with its database on a small tmpfs that the test fills up. While the disk cannot take
/// a write, webhooks and `/healthz` answer 503 so providers retry; nothing is half-written; and service
/// resumes by itself when the disk has room again. The same holds when the database files turn read-only
/// under a running `serve`: a mount cannot be remounted read-only while SQLite holds files open for
/// writing, so the test sets the immutable attribute (`chattr +i`), which ext4 enforces on open files too.
/// It freezes the database and its WAL, not the `-shm` index: SQLite maps that file into memory, and a
/// write fault on a frozen mapping is SIGBUS, a crash no application code can turn into a 503.
///
/// Mounting needs CAP_SYS_ADMIN and `chattr +i` CAP_LINUX_IMMUTABLE (root in the CI container); where
/// either is refused the test says so and stops, because no unprivileged trick makes a real disk fail.
@Suite("Disk faults", .serialized, .needsServers)
struct DiskFaultTests {
    static func sh(_ command: String) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func post(_ index: Int, port: Int) async throws -> HTTPResponse.Status {
        let (body, signature) = WebhookDurabilityTests.request(index)
        let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("X-Twilio-Signature")!: signature]
        return try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(10))) { client in
            try await client.post(WebhookDurabilityTests.path, headers: headers, body: ByteBuffer(string: body)).status
        }
    }

    static func health(port: Int) async throws -> (HTTPResponse.Status, String) {
        try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(10))) { client in
            let response = try await client.get("/healthz")
            return (response.status, response.body.map { String(buffer: $0) } ?? "")
        }
    }

    /// `/healthz` checks the database at most once a second and repeats its last answer meanwhile, so a
    /// change shows within about a second rather than on the very next request.
    static func waitForHealth(_ status: HTTPResponse.Status, port: Int, _ what: String) async throws {
        try await eventually(what, timeout: .seconds(10), every: .milliseconds(100)) { try await health(port: port).0 == status }
    }

    @Test("a full disk answers 503, writes nothing partial, and recovers by itself")
    func readOnlyAndFull() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-disk-\(UUID().uuidString.prefix(8))")
        let disk = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mounted = Self.sh("mount -t tmpfs -o size=3m tmpfs '\(disk.path)'")
        guard mounted.status == 0 else {
            print("disk fault test not run: mounting a tmpfs was refused (\(mounted.output.trimmingCharacters(in: .whitespacesAndNewlines))); it needs root with CAP_SYS_ADMIN")
            return
        }
        defer { _ = Self.sh("umount -l '\(disk.path)'") }
        let server = try await ServeProcess.startTwilioOnly(databasePath: "\(disk.path)/switchboard.sqlite", folder: folder)
        defer { _ = server.terminate() }
        let port = server.port
        let configPath = server.configPath
        let environment = server.environment
        #expect(try await Self.post(0, port: port) == .ok)

        // Full: fill what is left of the 3 MiB with a file, then try again.
        _ = Self.sh("dd if=/dev/zero of='\(disk.path)/filler' bs=16k 2>/dev/null; sync")
        var refused = 0
        for index in 1..<11 where try await Self.post(index, port: port) == .serviceUnavailable { refused += 1 }
        #expect(refused > 0, "a full disk refuses webhooks")
        try await Self.waitForHealth(.serviceUnavailable, port: port, "healthz on a full disk")
        _ = Self.sh("rm -f '\(disk.path)/filler'")
        for index in 1..<11 { #expect(try await Self.post(index, port: port) == .ok, "message \(index) after the disk has room again") }
        try await Self.waitForHealth(.ok, port: port, "healthz once the database takes writes again")

        let export = try await SwitchboardBinary.run(["export", "--config", configPath], environment: environment)
        let ids = export.stdout.split(separator: "\n").compactMap { try? JSONDecoder().decode(ExportRow.self, from: Data($0.utf8)).providerID }
        #expect(ids.count == 11 && Set(ids).count == 11, "every message once, none half-written: \(ids.count)")
        #expect(server.terminate() == 0)
    }

    @Test("database files that turn read-only under a running serve: 503, nothing partial, and recovery")
    func readOnlyFiles() async throws {
        let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent(".build/sb-readonly-\(UUID().uuidString.prefix(8))")
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let files = ["switchboard.sqlite", "switchboard.sqlite-wal"].map { "'\(data.path)/\($0)'" }.joined(separator: " ")
        defer {
            _ = Self.sh("chattr -i \(files) '\(data.path)' 2>/dev/null")
            try? FileManager.default.removeItem(at: folder)
        }
        let server = try await ServeProcess.startTwilioOnly(databasePath: "\(data.path)/switchboard.sqlite", folder: folder)
        defer { _ = server.terminate() }
        let port = server.port
        let configPath = server.configPath
        let environment = server.environment
        #expect(try await Self.post(0, port: port) == .ok)

        let frozen = Self.sh("chattr +i \(files) '\(data.path)'")
        guard frozen.status == 0 else {
            print("read-only test not run: chattr +i was refused (\(frozen.output.trimmingCharacters(in: .whitespacesAndNewlines))); it needs root on ext4/xfs/btrfs")
            return
        }
        for index in 1..<6 {
            let status = try? await Self.post(index, port: port)
            #expect(status == .serviceUnavailable, "message \(index) while the files are read-only; serve's log:\n\(server.log.suffix(3000))")
        }
        try await Self.waitForHealth(.serviceUnavailable, port: port, "healthz while the files are read-only")
        _ = Self.sh("chattr -i \(files) '\(data.path)'")
        for index in 1..<6 { #expect(try await Self.post(index, port: port) == .ok, "message \(index) once writable again") }
        try await Self.waitForHealth(.ok, port: port, "healthz once the database takes writes again")

        let export = try await SwitchboardBinary.run(["export", "--config", configPath], environment: environment)
        let ids = export.stdout.split(separator: "\n").compactMap { try? JSONDecoder().decode(ExportRow.self, from: Data($0.utf8)).providerID }
        #expect(ids.count == 6 && Set(ids).count == 6, "every message once, none half-written: \(ids.count)")
        #expect(server.terminate() == 0)
    }
}
