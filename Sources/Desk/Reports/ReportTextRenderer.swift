public import Foundation

/// `switchboard report` on a terminal: aligned plain text, one section per figure.
///
/// Customer names are outside input: control characters (escape sequences that could repaint the
/// terminal) and bidirectional overrides (which could reorder the line) are removed before printing.
public enum ReportTextRenderer {
    public static func render(_ report: DeskReport, now: Date? = nil) -> String {
        let zone = report.timeZone
        let end = now ?? report.period.end
        var out: [String] = []
        out.append("Switchboard report: \(ReportFormat.minute(report.period.start, timeZone: zone)) → "
            + "\(ReportFormat.minute(report.period.end, timeZone: zone)) \(zoneName(zone)) (\(ReportFormat.length(of: report.period)))")
        out.append("")
        out.append("Tickets: \(report.opened) opened · \(report.closed) closed · \(report.openNow) open now")
        out.append("")

        out.append("Volume: tickets opened per day, by category (cells: WhatsApp+email)")
        out += volumeTable(report).lines()
        out.append("")

        let response = report.firstResponse
        out.append("First response (opened → first reply queued by a person; no_action left out)")
        out.append("  p50 \(ReportFormat.duration(response.p50)) · p90 \(ReportFormat.duration(response.p90))"
            + " · \(response.count) answered · \(report.unanswered) open without a reply")
        let resolution = report.resolution
        out.append("Resolution (opened → closed, for tickets closed in the period)")
        out.append("  p50 \(ReportFormat.duration(resolution.p50)) · p90 \(ReportFormat.duration(resolution.p90)) · \(resolution.count) closed")
        out.append("")

        let sla = report.sla
        out.append("First-response SLA: \(ReportFormat.duration(sla.target))")
        out.append("  \(sla.breaches) breached (\(sla.late) answered late, \(sla.missed) unanswered) of \(sla.judged) due"
            + " (\(ReportFormat.percent(sla.breachRate))) · \(sla.met) met · \(sla.pending) not yet due")
        if !sla.breached.isEmpty {
            let shown = sla.breached.prefix(20).map { "#\($0)" }.joined(separator: " ")
            out.append("  breached: \(shown)" + (sla.breached.count > 20 ? " … +\(sla.breached.count - 20) more" : ""))
        }
        out.append("")

        out.append("Reopen rate: \(ReportFormat.percent(report.reopen.rate))"
            + " (\(report.reopen.reopened) of \(report.reopen.closed) closed tickets were reopened)")
        out.append("")

        out.append("Backlog by owner (\(report.openNow) open)")
        if report.backlog.isEmpty {
            out.append("  nothing open")
        } else {
            let rows = report.backlog.map { entry in
                [clean(ReportFormat.owner(entry.owner)), "\(entry.count)", "\(entry.held) held",
                 "oldest \(ReportFormat.duration(end.timeIntervalSince(entry.oldestCreatedAt)))"]
            }
            out += ReportTextTable(rows: rows, rightAligned: [1, 2]).lines()
        }
        out.append("")

        let churn = report.churn
        out.append("Churn risks: \(churn.open.count) open · \(churn.opened) opened · \(churn.closed) closed in the period")
        let rows = churn.open.map { risk in
            ["#\(risk.ticketID)", clean(risk.displayName, limit: 48), ReportFormat.duration(end.timeIntervalSince(risk.createdAt)),
             clean(ReportFormat.owner(risk.owner)), lastAction(risk, now: end)]
        }
        out += ReportTextTable(rows: rows, rightAligned: [2]).lines()
        return out.joined(separator: "\n") + "\n"
    }

    static func volumeTable(_ report: DeskReport) -> ReportTextTable {
        let volume = report.volume
        let categories = volume.categories
        var rows = [["day"] + categories.map { $0?.rawValue ?? "untriaged" } + ["total"]]
        func cell(_ counts: [Int]) -> String {
            counts.allSatisfy { $0 == 0 } ? "·" : counts.map(String.init).joined(separator: "+")
        }
        for day in volume.days {
            rows.append([ReportFormat.day(day, timeZone: report.timeZone)]
                + categories.map { category in cell(Channel.allCases.map { volume.count(day: day, category: category, channel: $0) }) }
                + [cell(Channel.allCases.map { channel in categories.reduce(0) { $0 + volume.count(day: day, category: $1, channel: channel) } })])
        }
        rows.append(["total"]
            + categories.map { category in cell(Channel.allCases.map { volume.count(category: category, channel: $0) }) }
            + [cell(Channel.allCases.map { volume.count(channel: $0) })])
        return ReportTextTable(rows: rows, rightAligned: Set(1...(categories.count + 1)))
    }

    static func lastAction(_ risk: ChurnRisk, now: Date) -> String {
        guard let event = risk.lastAction else { return "no action yet" }
        return "last: \(clean(ReportFormat.action(event))), \(ReportFormat.duration(now.timeIntervalSince(event.at))) ago"
    }

    static func zoneName(_ zone: TimeZone) -> String {
        zone.secondsFromGMT() == 0 && (zone.identifier == "GMT" || zone.identifier == "UTC") ? "UTC" : zone.identifier
    }

    /// One terminal-safe line of at most `limit` characters.
    public static func clean(_ text: String, limit: Int = 60) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F: result.unicodeScalars.append(" ")
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        let line = result.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return line.count > limit ? String(line.prefix(limit - 1)) + "…" : line
    }
}
