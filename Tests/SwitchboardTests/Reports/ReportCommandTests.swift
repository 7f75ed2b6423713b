import Foundation
import Testing

/// `switchboard report` as a process, on a database written at chosen times.
@Suite("switchboard report")
struct ReportCommandTests {
    @Test("text on stdout with the period's figures; names cleaned for the terminal")
    func textReport() async throws {
        let history = try await ReportHistory.make()
        let result = try await SwitchboardBinary.run(["report", "--config", history.config])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        #expect(text.hasPrefix("Switchboard report: "))
        #expect(text.contains("(7d)\n"))
        #expect(text.contains("Tickets: 3 opened · 1 closed · 2 open now"))
        // A answered after 30m; B and C have no reply.
        #expect(text.contains("  p50 30m · p90 30m · 1 answered · 2 open without a reply"))
        // A: opened 3d ago, closed 2d 1h ago.
        #expect(text.contains("  p50 23h · p90 23h · 1 closed"))
        #expect(text.contains("First-response SLA: 4h"))
        #expect(text.contains("  1 breached (0 answered late, 1 unanswered) of 2 due (50%) · 1 met · 1 not yet due"))
        #expect(text.contains("  breached: #\(history.tickets["B"]!)\n"))
        #expect(text.contains("Reopen rate: 0% (0 of 1 closed tickets were reopened)"))
        #expect(text.contains("Churn risks: 1 open · 1 opened · 0 closed in the period"))
        let churn = try #require(text.split(separator: "\n").first { $0.hasPrefix("  #\(history.tickets["B"]!) ") })
        #expect(churn.contains("<img src=x onerror=alert(1)> [31mZed & \"Co\""))
        #expect(churn.contains(" 1d  founder  last: routed, nobody has acted, 1d ago"))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test("--since narrows the period; --sla changes the target")
    func sinceAndSLA() async throws {
        let history = try await ReportHistory.make()
        let result = try await SwitchboardBinary.run(["report", "--config", history.config, "--since", "2d", "--sla", "2d"])
        #expect(result.status == 0, "\(result.stderr)")
        // A was opened and closed more than two days ago.
        #expect(result.stdout.contains("(2d)\n"))
        #expect(result.stdout.contains("Tickets: 2 opened · 0 closed · 2 open now"))
        #expect(result.stdout.contains("First-response SLA: 2d"))
        #expect(result.stdout.contains("  0 breached (0 answered late, 0 unanswered) of 0 due (—) · 0 met · 2 not yet due"))
    }

    @Test("--html writes a self-contained page with the hostile name escaped")
    func htmlFile() async throws {
        let (page, result) = try await ReportHistory.make().writeHTML()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Tickets: 3 opened"))
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("<img"))
        #expect(html.contains("<svg "))
    }

    @Test("bad durations are usage errors; a missing database is exit 1")
    func errors() async throws {
        let history = try await ReportHistory.make()
        let bad = try await SwitchboardBinary.run(["report", "--config", history.config, "--since", "a week"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--since: \"a week\" is not a duration like 90s, 15m, 24h or 7d"))
        let zero = try await SwitchboardBinary.run(["report", "--config", history.config, "--sla", "0m"])
        #expect(zero.status == 64)

        let empty = history.folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let config = empty.appendingPathComponent("switchboard.yaml").path
        try "storage: {path: none.sqlite}\n".write(toFile: config, atomically: true, encoding: .utf8)
        let missing = try await SwitchboardBinary.run(["report", "--config", config])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no database at \(empty.path)/none.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: empty.appendingPathComponent("none.sqlite").path))
    }
}
