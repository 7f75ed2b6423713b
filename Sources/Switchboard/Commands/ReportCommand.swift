import ArgumentParser
import Desk
import Foundation
import Store

/// `switchboard report --config PATH [--since DURATION] [--html FILE]`: the analytics. Text on stdout;
/// with `--html`, also a self-contained page with SVG charts.
///
/// Read-only, like `export`: it opens the database without writing, so it runs next to `serve` and
/// reads one committed snapshot.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Volumes, response and resolution times, backlog, reopen rate, SLA breaches and churn risks (read-only).")

    @Option(name: .long, help: "Path to the YAML config file.")
    var config: String

    @Option(name: .long, help: "The period, back from now: 90s, 15m, 24h, 7d.")
    var since = "7d"

    @Option(name: .long, help: "Also write the report as an HTML page with charts to this file.")
    var html: String?

    @Option(name: .long, help: "First-response SLA: a ticket should get a human reply within this time (default 4h).")
    var sla: String?

    func validate() throws {
        for (flag, value) in [("--since", since), ("--sla", sla ?? "4h")] where (DurationText.seconds(value) ?? 0) <= 0 {
            throw ValidationError("\(flag): \"\(value)\" is not a duration like 90s, 15m, 24h or 7d")
        }
    }

    func run() throws {
        let settings = try SwitchboardConfig.loadOrExit(config)
        let now = Date()
        let reportSettings = ReportSettings(
            last: TimeInterval(DurationText.seconds(since) ?? 0), endingAt: now,
            sla: sla.flatMap(DurationText.seconds).map { ResponseSLA(target: .seconds($0)) } ?? settings.followUps.responseSLA)
        let report: DeskReport
        do {
            report = try AppDatabase.openReadOnly(path: settings.storagePath).report(reportSettings)
        } catch {
            FileHandle.standardError.write(Data("report: \(error)\n".utf8))
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(Data(ReportTextRenderer.render(report).utf8))
        guard let html else { return }
        do {
            try Data(ReportHTMLRenderer.render(report).utf8).write(to: URL(fileURLWithPath: html), options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("report: could not write \(html): \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
    }
}
