import ArgumentParser
import Foundation
import Store

/// `switchboard backup --config PATH FILE`: a consistent copy of the live database through SQLite's
/// online backup API, safe while `serve` keeps writing (it copies one committed snapshot).
///
/// Restore: stop `serve`, replace the file at `storage.path` with the backup (and delete any stale
/// `-wal`/`-shm` files next to it), start `serve` again.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the database to FILE with SQLite's online backup (safe while serve runs).")

    @Option(name: .long, help: "Path to the YAML config file.")
    var config: String

    @Argument(help: "Where to write the backup; must not exist yet.")
    var file: String

    func run() async throws {
        let settings = try SwitchboardConfig.loadOrExit(config)
        guard !FileManager.default.fileExists(atPath: file) else {
            FileHandle.standardError.write(Data("backup: \(file) already exists; choose a new file name\n".utf8))
            throw ExitCode(1)
        }
        let started = ContinuousClock.now
        do {
            let database = try AppDatabase.openReadOnly(path: settings.storagePath)
            try database.backup(to: file)
            let verified = try AppDatabase.openReadOnly(path: file)
            let summary = try verified.countSummary()
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            print("backup: \(file) written in \(started.duration(to: .now)): \(summary.tickets) tickets, \(summary.messages) messages, \(size / 1024) KiB")
        } catch {
            try? FileManager.default.removeItem(atPath: file)
            FileHandle.standardError.write(Data("backup: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
