public import Foundation

/// `switchboard report --html FILE`: one self-contained page with inline SVG charts.
///
/// - No scripts and no external resources: the page carries a Content-Security-Policy that forbids
///   both, so a report mailed around or opened from disk cannot phone home or run anything.
/// - Readable on a phone: viewport meta, fluid widths, charts scale with their `viewBox`, and wide
///   tables scroll sideways inside their own box instead of widening the page.
/// - Every piece of text that came from outside (customer names, companies, accounts) is escaped with
///   ``HTMLText`` and isolated with `<bdi>`, so an Arabic name does not reorder the line around it.
public enum ReportHTMLRenderer {
    public static func render(_ report: DeskReport, now: Date? = nil) -> String {
        let end = now ?? report.period.end
        let zone = report.timeZone
        let title = "Switchboard report · \(ReportFormat.day(report.period.start, timeZone: zone)) to "
            + "\(ReportFormat.day(report.period.end, timeZone: zone))"
        var html = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="color-scheme" content="light dark">
            <title>\(HTMLText.escape(title))</title>
            <style>\(style)</style>
            </head>
            <body>
            <main>

            """
        html += "<h1>Switchboard report</h1>\n"
        html += "<p class=\"muted\">\(HTMLText.escape(ReportFormat.minute(report.period.start, timeZone: zone))) → "
            + "\(HTMLText.escape(ReportFormat.minute(report.period.end, timeZone: zone))) "
            + "\(HTMLText.escape(ReportTextRenderer.zoneName(zone))) (\(HTMLText.escape(ReportFormat.length(of: report.period)))). "
            + "First-response SLA \(HTMLText.escape(ReportFormat.duration(report.sla.target))).</p>\n"
        html += tiles(report)
        html += volumeSection(report)
        html += timesSection(report)
        html += slaSection(report)
        html += backlogSection(report, now: end)
        html += churnSection(report, now: end)
        html += """
            <footer class="muted"><p>Work tickets are all but no_action; they alone count in response times, resolution,
            the SLA and the reopen rate. Percentiles use the nearest-rank method.</p></footer>
            </main>
            </body>
            </html>

            """
        return html
    }

    static func tiles(_ report: DeskReport) -> String {
        let tiles: [(String, String)] = [
            ("opened", "\(report.opened)"),
            ("closed", "\(report.closed)"),
            ("open now", "\(report.openNow)"),
            ("first response p50", ReportFormat.duration(report.firstResponse.p50)),
            ("first response p90", ReportFormat.duration(report.firstResponse.p90)),
            ("SLA breaches", "\(report.sla.breaches)"),
            ("reopen rate", ReportFormat.percent(report.reopen.rate)),
            ("open churn risks", "\(report.churn.open.count)"),
        ]
        return "<section class=\"tiles\" aria-label=\"Summary\">\n"
            + tiles.map { "<div class=\"tile\"><b>\(HTMLText.escape($0.1))</b>\(HTMLText.escape($0.0))</div>\n" }.joined()
            + "</section>\n"
    }

    static func volumeSection(_ report: DeskReport) -> String {
        let volume = report.volume
        var html = "<section>\n<h2>Volume</h2>\n"
        html += "<p>\(volume.total) tickets opened: \(volume.count(channel: .whatsapp)) WhatsApp, \(volume.count(channel: .email)) email.</p>\n"
        html += stackedDailyBars(report)
        html += legend(volume.categories.map { (categoryName($0), categoryColor($0)) })
        func cell(_ whatsapp: Int, _ email: Int) -> String {
            whatsapp + email == 0 ? "<td class=\"zero\">·</td>" : "<td>\(whatsapp) + \(email)</td>"
        }
        html += "<div class=\"scroll\"><table>\n<caption>By category and channel</caption>\n"
            + "<thead><tr><th scope=\"col\">category</th><th scope=\"col\">WhatsApp</th><th scope=\"col\">email</th><th scope=\"col\">total</th></tr></thead>\n<tbody>\n"
        for category in volume.categories {
            let whatsapp = volume.count(category: category, channel: .whatsapp), email = volume.count(category: category, channel: .email)
            html += "<tr><th scope=\"row\">\(HTMLText.escape(categoryName(category)))</th><td>\(whatsapp)</td><td>\(email)</td><td>\(whatsapp + email)</td></tr>\n"
        }
        html += "</tbody>\n</table></div>\n"
        // Per day the table is long (a row a day); folded so a phone scrolls past it, open with a tap.
        html += "<details><summary>Per day and category (WhatsApp + email)</summary>\n<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">day</th>"
        html += volume.categories.map { "<th scope=\"col\">\(HTMLText.escape(categoryName($0)))</th>" }.joined()
        html += "<th scope=\"col\">total</th></tr></thead>\n<tbody>\n"
        for day in volume.days {
            html += "<tr><th scope=\"row\">\(HTMLText.escape(ReportFormat.day(day, timeZone: report.timeZone)))</th>"
            for category in volume.categories {
                html += cell(volume.count(day: day, category: category, channel: .whatsapp), volume.count(day: day, category: category, channel: .email))
            }
            let whatsapp = volume.categories.reduce(0) { $0 + volume.count(day: day, category: $1, channel: .whatsapp) }
            let email = volume.categories.reduce(0) { $0 + volume.count(day: day, category: $1, channel: .email) }
            html += cell(whatsapp, email) + "</tr>\n"
        }
        html += "</tbody>\n<tfoot><tr><th scope=\"row\">total</th>"
        for category in volume.categories {
            html += cell(volume.count(category: category, channel: .whatsapp), volume.count(category: category, channel: .email))
        }
        html += cell(volume.count(channel: .whatsapp), volume.count(channel: .email)) + "</tr></tfoot>\n</table></div>\n</details>\n</section>\n"
        return html
    }

    static func timesSection(_ report: DeskReport) -> String {
        let response = report.firstResponse, resolution = report.resolution
        var html = "<section>\n<h2>Response and resolution times</h2>\n"
        html += "<h3>First response</h3>\n<p>Opened → first reply queued by a person. \(response.count) answered; "
            + "\(report.unanswered) open without a reply. The dashed line is the SLA.</p>\n"
        html += percentileBars(response, label: "First response", marker: TimeInterval(report.sla.target.components.seconds))
        html += "<h3>Resolution</h3>\n<p>Opened → closed, for the \(resolution.count) work tickets closed in the period.</p>\n"
        html += percentileBars(resolution, label: "Resolution", marker: nil)
        html += "<h3>Reopen rate: \(HTMLText.escape(ReportFormat.percent(report.reopen.rate)))</h3>\n"
        html += "<p>\(report.reopen.reopened) of the \(report.reopen.closed) work tickets closed in the period were reopened at least once.</p>\n"
        return html + "</section>\n"
    }

    static func slaSection(_ report: DeskReport) -> String {
        let sla = report.sla
        var html = "<section>\n<h2>First-response SLA (\(HTMLText.escape(ReportFormat.duration(sla.target))))</h2>\n"
        html += "<p><b>\(sla.breaches) breached</b> of \(sla.judged) due (\(HTMLText.escape(ReportFormat.percent(sla.breachRate)))): "
            + "\(sla.late) answered late, \(sla.missed) not answered. \(sla.met) met; \(sla.pending) not yet due.</p>\n"
        if !sla.breached.isEmpty {
            let shown = sla.breached.prefix(30).map { "#\($0)" }.joined(separator: " ")
            let more = sla.breached.count > 30 ? " … and \(sla.breached.count - 30) more" : ""
            html += "<p class=\"ids\">Breached: \(shown)\(more)</p>\n"
        }
        return html + "</section>\n"
    }

    static func backlogSection(_ report: DeskReport, now: Date) -> String {
        var html = "<section>\n<h2>Backlog by owner</h2>\n<p>\(report.openNow) open tickets. Darker: claimed or assigned; lighter: routed to them, not yet claimed.</p>\n"
        guard !report.backlog.isEmpty else { return html + "<p>Nothing is open.</p>\n</section>\n" }
        html += backlogBars(report.backlog)
        html += "<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">owner</th><th scope=\"col\">open</th><th scope=\"col\">held</th><th scope=\"col\">oldest</th></tr></thead>\n<tbody>\n"
        for entry in report.backlog {
            html += "<tr><td class=\"name\"><bdi>\(HTMLText.escape(ReportFormat.owner(entry.owner)))</bdi></td><td>\(entry.count)</td><td>\(entry.held)</td>"
                + "<td>\(HTMLText.escape(ReportFormat.duration(now.timeIntervalSince(entry.oldestCreatedAt))))</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    static func churnSection(_ report: DeskReport, now: Date) -> String {
        let churn = report.churn
        var html = "<section>\n<h2>Churn risks</h2>\n<p>\(churn.open.count) open · \(churn.opened) opened and \(churn.closed) closed in the period.</p>\n"
        guard !churn.open.isEmpty else { return html + "</section>\n" }
        html += "<table class=\"cards\">\n<thead><tr><th scope=\"col\">ticket</th><th scope=\"col\">customer</th><th scope=\"col\">age</th>"
            + "<th scope=\"col\">owner</th><th scope=\"col\">last action</th></tr></thead>\n<tbody>\n"
        for risk in churn.open {
            let last = risk.lastAction.map {
                "\(ReportFormat.action($0)), \(ReportFormat.duration(now.timeIntervalSince($0.at))) ago"
            } ?? "no action yet"
            html += "<tr><td data-label=\"ticket\">#\(risk.ticketID)</td><td class=\"name\" data-label=\"customer\"><bdi>\(HTMLText.escape(risk.displayName))</bdi>"
            if risk.company?.isEmpty == false {
                html += "<br><small><bdi>\(HTMLText.escape(risk.customerName))</bdi></small>"
            }
            html += "</td><td data-label=\"age\">\(HTMLText.escape(ReportFormat.duration(now.timeIntervalSince(risk.createdAt))))</td>"
                + "<td class=\"name\" data-label=\"owner\"><bdi>\(HTMLText.escape(ReportFormat.owner(risk.owner)))</bdi></td>"
                + "<td class=\"name\" data-label=\"last action\"><bdi>\(HTMLText.escape(last))</bdi></td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    static func legend(_ items: [(String, String)]) -> String {
        "<ul class=\"legend\">"
            + items.map { "<li><span class=\"swatch\" style=\"background:\($0.1)\"></span>\(HTMLText.escape($0.0))</li>" }.joined()
            + "</ul>\n"
    }

    static func categoryName(_ category: Category?) -> String {
        category?.rawValue ?? "untriaged"
    }

    /// A fixed colour per category, distinguishable for the common colour-vision deficiencies
    /// (Tableau 10), so charts read the same from one report to the next.
    static func categoryColor(_ category: Category?) -> String {
        switch category {
        case .support: "#4e79a7"
        case .billing: "#f28e2b"
        case .churnRisk: "#e15759"
        case .featureRequest: "#76b7b2"
        case .bugReport: "#59a14f"
        case .noAction: "#bab0ac"
        case nil: "#9c755f"
        }
    }

    static let style = """
        :root{--fg:#1d232a;--muted:#5b6570;--bg:#fff;--card:#f2f4f7;--line:#d8dde3;--accent:#e15759}
        @media (prefers-color-scheme:dark){:root{--fg:#e6e9ec;--muted:#a0a8b0;--bg:#14181c;--card:#1f252b;--line:#38414a}}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;color:var(--fg);background:var(--bg)}
        main{max-width:960px;margin:0 auto;padding:12px 16px 32px}
        h1{font-size:1.35rem;margin:.4em 0 .2em}
        h2{font-size:1.15rem;margin:1.6em 0 .4em;padding-top:.6em;border-top:1px solid var(--line)}
        h3{font-size:1rem;margin:1.1em 0 .2em}
        p{margin:.3em 0 .6em}
        .muted{color:var(--muted);font-size:.9rem}
        .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:8px;margin:12px 0}
        .tile{background:var(--card);border-radius:8px;padding:8px 12px;font-size:.85rem;color:var(--muted)}
        .tile b{display:block;font-size:1.4rem;color:var(--fg)}
        figure{margin:8px 0;max-width:560px}
        svg{display:block;width:100%;height:auto;color:var(--fg)}
        svg text{fill:currentColor;font-family:inherit}
        .legend{display:flex;flex-wrap:wrap;gap:4px 14px;list-style:none;padding:0;margin:4px 0 10px;font-size:.85rem}
        .swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:5px;vertical-align:-1px}
        .scroll{overflow-x:auto;max-width:100%}
        table{border-collapse:collapse;font-size:.88rem;margin:6px 0}
        caption{text-align:left;color:var(--muted);font-size:.85rem;padding-bottom:4px}
        th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
        th:first-child,td:first-child{text-align:left}
        td.name{text-align:left;white-space:normal;overflow-wrap:anywhere;min-width:8em}
        td.zero{color:var(--muted)}
        .ids{overflow-wrap:anywhere}
        details{margin:6px 0}
        summary{cursor:pointer;color:var(--muted);font-size:.9rem}
        footer{margin-top:2em;border-top:1px solid var(--line)}
        @media (max-width:600px){
        table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
        table.cards thead{display:none}
        table.cards tr{background:var(--card);border-radius:8px;padding:6px 10px;margin:0 0 8px}
        table.cards td{border:0;padding:2px 0;text-align:left;white-space:normal;overflow-wrap:anywhere}
        table.cards td::before{content:attr(data-label) ": ";color:var(--muted)}
        }
        """
}
