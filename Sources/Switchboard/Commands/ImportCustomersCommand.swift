import ArgumentParser
import Desk
import Foundation
import Store

/// `switchboard import-customers --config PATH FILE.csv`: create or update customers; re-importing
/// matches on `external_id`, else any email or phone, so one person stays one customer.
struct ImportCustomersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-customers", abstract: "Import or update customers from a CSV file.")

    @Option(name: .long, help: "Path to the YAML config file.")
    var config: String

    @Argument(help: "CSV with name,company,plan,emails,phones,owner,language,notes[,external_id].")
    var file: String

    func run() async throws {
        let settings = try SwitchboardConfig.loadOrExit(config)
        let database = try AppDatabase.open(path: settings.storagePath)
        let summary = try await CustomerImport.run(file: file, into: database)
        for problem in summary.problems { FileHandle.standardError.write(Data("\(file): \(problem)\n".utf8)) }
        print("\(summary.created) created, \(summary.updated) updated, \(summary.unchanged) unchanged, \(summary.merged) merged, \(summary.problems.count) problems")
    }
}

enum CustomerImport {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(file: String, into database: AppDatabase) async throws -> ImportSummary {
        guard let data = FileManager.default.contents(atPath: file) else { throw Failure(description: "cannot read \(file)") }
        let parsed: CustomerCSV.Parsed
        do {
            parsed = try CustomerCSV.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw Failure(description: "\(file): \(error)")
        }
        var summary = try await database.importCustomers(parsed.rows)
        summary.problems = parsed.problems + summary.problems
        return summary
    }
}
