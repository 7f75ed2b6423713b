public import Foundation
import IRC

extension DeskReport {
    /// The IRC `stats` reply: three or four short lines from the same figures as `switchboard report`.
    /// Names are sanitised for IRC (no control or formatting codes) and cut, so a hostile customer
    /// name cannot colour or split the line.
    public func chatSummary(now: Date? = nil, churnListed: Int = 3) -> [String] {
        let end = now ?? period.end
        let whatsapp = volume.count(channel: .whatsapp), email = volume.count(channel: .email)
        var lines: [String] = []
        lines.append("last \(ReportFormat.length(of: period)): \(opened) opened (\(whatsapp) WhatsApp, \(email) email), \(closed) closed"
            + " · first response p50 \(ReportFormat.duration(firstResponse.p50)) p90 \(ReportFormat.duration(firstResponse.p90))"
            + " · resolution p50 \(ReportFormat.duration(resolution.p50)) p90 \(ReportFormat.duration(resolution.p90))")
        let owners = backlog.prefix(5).map { "\(IRCSanitizer.singleLine(ReportFormat.owner($0.owner))) \($0.count)" }
        let moreOwners = backlog.count > 5 ? ", …" : ""
        lines.append("SLA \(ReportFormat.duration(sla.target)): \(sla.breaches) breached (\(sla.late) late, \(sla.missed) unanswered)"
            + " · reopen rate \(ReportFormat.percent(reopen.rate)) (\(reopen.reopened)/\(reopen.closed))"
            + " · backlog \(openNow)" + (owners.isEmpty ? "" : ": " + owners.joined(separator: ", ") + moreOwners))
        var churnLine = "churn risks: \(churn.open.count) open, \(churn.opened) opened, \(churn.closed) closed"
        if !churn.open.isEmpty {
            let listed = churn.open.prefix(churnListed).map { risk in
                let name = TicketCard.cut(IRCSanitizer.singleLine(risk.displayName), limit: 30)
                return "#\(risk.ticketID) \(name) \(ReportFormat.duration(end.timeIntervalSince(risk.createdAt))) \(IRCSanitizer.singleLine(ReportFormat.owner(risk.owner)))"
            }
            churnLine += " — " + listed.joined(separator: " · ")
            if churn.open.count > churnListed { churnLine += " · +\(churn.open.count - churnListed) more" }
        }
        lines.append(churnLine)
        return lines
    }
}
