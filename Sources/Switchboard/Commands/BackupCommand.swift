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

    @Argument(help: "Where to write the backup; must not exist yet (it is created with mode 0600).")
    var file: String

    func run() async throws {
        let settings = try SwitchboardConfig.loadOrExit(config)
        let started = ContinuousClock.now
        let database: AppDatabase
        do {
            database = try AppDatabase.openReadOnly(path: settings.storagePath)
            // Creates FILE exclusively (refusing one that exists, with nothing touched) and mode 0600.
            try database.backup(to: file)
        } catch {
            FileHandle.standardError.write(Data("backup: \(error)\n".utf8))
            throw ExitCode(1)
        }
        do {
            let verified = try AppDatabase.openReadOnly(path: file)
            let summary = try verified.countSummary()
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            print("backup: \(file) written in \(started.duration(to: .now)): \(summary.tickets) tickets, \(summary.messages) messages, \(size / 1024) KiB")
        } catch {
            // The file is ours (created above), so a copy that does not verify is not left behind.
            try? FileManager.default.removeItem(atPath: file)
            FileHandle.standardError.write(Data("backup: the copy at \(file) does not verify: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
