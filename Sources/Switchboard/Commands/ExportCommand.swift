import ArgumentParser
import Desk
import Foundation
import Store

/// `switchboard export --config PATH [--customer ID]`: one JSON line per stored message (DESIGN.md's
/// export contract, written by `ExportRow`).
///
/// It opens the database read-only, so it runs safely next to `serve`: a WAL reader sees one committed
/// snapshot and never blocks the writer. Rows stream from a cursor and leave through a buffer, so a large
/// database is neither held in memory nor written one syscall per line.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write every stored message as one JSON line (read-only; safe while serve runs).")

    @Option(name: .long, help: "Path to the YAML config file.")
    var config: String

    @Option(name: .long, help: "Only this customer's messages (the integer id in the `customer` field).")
    var customer: Int64?

    func run() throws {
        let settings = try SwitchboardConfig.loadOrExit(config)
        let database: AppDatabase
        do {
            database = try AppDatabase.openReadOnly(path: settings.storagePath)
        } catch {
            FileHandle.standardError.write(Data("export: \(error)\n".utf8))
            throw ExitCode(1)
        }
        var buffer = Data()
        let output = FileHandle.standardOutput
        do {
            try database.exportRows(customerID: customer) { row in
                buffer.append(contentsOf: Array(try row.jsonLine().utf8))
                buffer.append(UInt8(ascii: "\n"))
                if buffer.count >= 64 * 1024 {
                    output.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        } catch {
            output.write(buffer)
            FileHandle.standardError.write(Data("export: reading \(settings.storagePath) failed: \(error)\n".utf8))
            throw ExitCode(1)
        }
        output.write(buffer)
    }
}
