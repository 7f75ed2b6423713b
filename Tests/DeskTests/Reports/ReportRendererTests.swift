import Desk
import Foundation
import Testing

/// The text, HTML and chat renderings of ``ReportScenario``, with a hostile customer name on ticket 3.
@Suite struct ReportRendererTests {
    static let hostile = "\u{1B}[2J\u{202E}Omar <script>alert('x')</script> & \"Sons\"\u{0003}4\r\nline2"

    static var report: DeskReport {
        var input = ReportScenario.input
        if let index = input.customers.firstIndex(where: { $0.id == 3 }) { input.customers[index].name = hostile }
        return DeskReport.compute(input, settings: ReportScenario.settings)
    }

    @Test func textIsAlignedAndCarriesEveryFigure() {
        let text = ReportTextRenderer.render(Self.report)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Switchboard report: 2025-06-01 00:00 → 2025-06-03 12:00 UTC (60h)")
        #expect(text.contains("Tickets: 9 opened · 5 closed · 6 open now"))
        #expect(text.contains("  p50 1h · p90 6h · 3 answered · 4 open without a reply"))
        #expect(text.contains("  p50 4h · p90 2d 10h · 4 closed"))
        #expect(text.contains("First-response SLA: 4h"))
        #expect(text.contains("  3 breached (1 answered late, 2 unanswered) of 5 due (60%) · 2 met · 2 not yet due"))
        #expect(text.contains("  breached: #2 #3 #6"))
        #expect(text.contains("Reopen rate: 50% (2 of 4 closed tickets were reopened)"))
        #expect(text.contains("Churn risks: 2 open · 1 opened · 1 closed in the period"))

        // The volume table: a header, three days and a total, every row as wide as the header.
        guard let header = lines.firstIndex(where: { $0.hasPrefix("  day ") }) else {
            Issue.record("no volume table in:\n\(text)")
            return
        }
        let table = Array(lines[header...(header + 4)])
        #expect(table[0].split(separator: " ").map(String.init)
            == ["day", "support", "billing", "churn_risk", "feature_request", "bug_report", "no_action", "untriaged", "total"])
        #expect(Set(table.map(\.count)).count == 1, "columns line up: \(table)")
        #expect(table[1].hasPrefix("  2025-06-01") && table[1].hasSuffix("2+1"))
        #expect(table[4].split(separator: " ").map(String.init) == ["total", "3+0", "0+1", "1+0", "0+1", "1+0", "0+1", "1+0", "6+3"])

        // Backlog rows are aligned on the count column.
        let backlog = lines.filter { $0.hasPrefix("  founder") || $0.hasPrefix("  aisha") || $0.hasPrefix("  nobody") }
        #expect(backlog.count == 3)
        #expect(Set(backlog.map { $0.distance(from: $0.startIndex, to: $0.range(of: " held")!.lowerBound) }).count == 1)
        #expect(backlog.first == "  founder   2  1 held  oldest 2d 10h")
    }

    @Test func textRemovesTerminalControls() {
        let text = ReportTextRenderer.render(Self.report)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E || $0.value == 0x03 || $0.value == 0x0D })
        let churnLine = text.split(separator: "\n").first { $0.hasPrefix("  #3 ") }
        #expect(churnLine?.contains("[2JOmar <script>alert('x')</script> & \"Sons\"") == true, "\(String(describing: churnLine))")
        #expect(churnLine?.contains("last: note by aisha, 1d 10h ago") == true, "\(text)")
    }

    @Test func htmlIsSelfContainedEscapedAndForPhones() {
        let html = ReportHTMLRenderer.render(Self.report)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("default-src 'none'"))
        // No scripts, and nothing fetched: no src or href anywhere, no URL but the SVG namespace.
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src=") && !html.contains("href="))
        #expect(html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").range(of: "https?://", options: .regularExpression) == nil)
        #expect(html.contains("Omar &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Sons&quot;"))
        #expect(!html.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x03 })
        // Three charts: volume, two percentile charts, backlog.
        #expect(html.components(separatedBy: "<svg ").count - 1 == 4)
        #expect(html.contains("<title>2025-06-01 · support: 2 (2 WhatsApp, 0 email)</title>"))
        #expect(html.contains(">SLA 4h</text>"))
        #expect(html.contains("<td>3 + 0</td>"))
    }

    @Test func htmlEscapingCoversEveryMarkupCharacter() {
        #expect(HTMLText.escape("<a href=\"x\" title='y'>&amp;</a>")
            == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;")
        #expect(HTMLText.escape("a\u{0}b\u{7}c\td\ne") == "a\u{FFFD}b\u{FFFD}c\td\ne")
        #expect(HTMLText.label("abcdefghij<", limit: 5) == "abcd…")
        #expect(HTMLText.label("<ab", limit: 5) == "&lt;ab")
    }

    @Test func chatSummaryIsThreeSafeLines() {
        let lines = Self.report.chatSummary().map(\.text)
        #expect(lines.count == 3)
        #expect(lines[0] == "last 60h: 9 opened (6 WhatsApp, 3 email), 5 closed · first response p50 1h p90 6h · resolution p50 4h p90 2d 10h")
        #expect(lines[1] == "SLA 4h: 3 breached (1 late, 2 unanswered) · reopen rate 50% (2/4) · backlog 6: founder 2, aisha 1, techlead 1, nobody 2")
        #expect(lines[2].hasPrefix("churn risks: 2 open, 1 opened, 1 closed — #9 Kettle & Co (Enterprise) 7d 12h aisha · #3 "))
        for line in lines {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E }, "\(line)")
        }
    }

    @Test func durationsAndPercentages() {
        #expect(ReportFormat.duration(45) == "45s")
        #expect(ReportFormat.duration(42 * 60 + 10) == "42m")
        #expect(ReportFormat.duration(3 * 3600 + 10 * 60) == "3h 10m")
        #expect(ReportFormat.duration(3 * 3600) == "3h")
        #expect(ReportFormat.duration(26 * 3600 + 59 * 60) == "1d 2h")
        #expect(ReportFormat.duration(nil as TimeInterval?) == "—")
        #expect(ReportFormat.duration(Duration.seconds(4 * 3600)) == "4h")
        #expect(ReportFormat.duration(Duration.seconds(90 * 60)) == "90m")
        #expect(ReportFormat.duration(Duration.seconds(7 * 86_400)) == "7d")
        #expect(ReportFormat.percent(0.125) == "13%")
        #expect(ReportFormat.percent(nil) == "—")
    }
}
