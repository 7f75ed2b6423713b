import ArgumentParser
import Desk
import Foundation
import Store

/// `switchboard retention --config PATH [--dry-run]`: applies `retention.messages` now (as `serve` does
/// hourly) and prints one JSON object: what was erased, and what the database holds afterwards.
/// `--dry-run` opens the database read-only and prints what a run would erase.
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "Erase the messages of tickets closed longer ago than retention.messages; print the counts as JSON.")

    @Option(name: .long, help: "Path to the YAML config file.")
    var config: String

    @Flag(name: .long, help: "Count what would be erased; change nothing.")
    var dryRun = false

    /// The printed object: the run's counts at the top level, next to these.
    struct Output: Encodable {
        var dryRun: Bool
        var olderThan: String
        var summary: RetentionSummary
        var remaining: AppDatabase.CountSummary

        enum CodingKeys: String, CodingKey { case dryRun = "dry_run", olderThan = "older_than", remaining }
        enum RemainingKeys: String, CodingKey { case tickets, messages, customers }

        func encode(to encoder: any Encoder) throws {
            try summary.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(dryRun, forKey: .dryRun)
            try container.encode(olderThan, forKey: .olderThan)
            var counts = container.nestedContainer(keyedBy: RemainingKeys.self, forKey: .remaining)
            try counts.encode(remaining.tickets, forKey: .tickets)
            try counts.encode(remaining.messages, forKey: .messages)
            try counts.encode(remaining.customers, forKey: .customers)
        }
    }

    func run() async throws {
        let settings = try SwitchboardConfig.loadOrExit(config)
        guard let age = settings.messageRetention else {
            FileHandle.standardError.write(Data("retention: \(config) sets no retention.messages, so messages are kept forever; nothing to do\n".utf8))
            throw ExitCode(1)
        }
        do {
            let database = dryRun ? try AppDatabase.openReadOnly(path: settings.storagePath) : try AppDatabase.open(path: settings.storagePath)
            let summary = dryRun
                ? try await database.expiredMessages(olderThan: age)
                : try await database.eraseExpiredMessages(olderThan: age, actor: "operator")
            let output = Output(dryRun: dryRun, olderThan: ReportFormat.duration(age), summary: summary, remaining: try database.countSummary())
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
        } catch {
            FileHandle.standardError.write(Data("retention: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
