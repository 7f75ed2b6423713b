public import Foundation
public import IRC

extension DeskReport {
    /// The IRC `stats` reply: three or four short lines from the same figures as `switchboard report`.
    /// Names are sanitised for IRC (no control or formatting codes) and cut, so a hostile customer
    /// name cannot colour or split the line.
    public func chatSummary(now: Date? = nil, churnListed: Int = 3) -> [IRCLine] {
        let end = now ?? period.end
        let whatsapp = volume.count(channel: .whatsapp), email = volume.count(channel: .email)
        var lines: [IRCLine] = []
        lines.append("last \(botText: ReportFormat.length(of: period)): \(opened) opened (\(whatsapp) WhatsApp, \(email) email), \(closed) closed"
            + " · first response p50 \(botText: ReportFormat.duration(firstResponse.p50)) p90 \(botText: ReportFormat.duration(firstResponse.p90))"
            + " · resolution p50 \(botText: ReportFormat.duration(resolution.p50)) p90 \(botText: ReportFormat.duration(resolution.p90))")
        let owners: [IRCLine] = backlog.prefix(5).map { "\(ReportFormat.owner($0.owner)) \($0.count)" }
        let moreOwners: IRCLine = backlog.count > 5 ? ", …" : ""
        lines.append("SLA \(botText: ReportFormat.duration(sla.target)): \(sla.breaches) breached (\(sla.late) late, \(sla.missed) unanswered)"
            + " · reopen rate \(botText: ReportFormat.percent(reopen.rate)) (\(reopen.reopened)/\(reopen.closed))"
            + " · backlog \(openNow)" + (owners.isEmpty ? "" : ": " + IRCLine.joined(owners, separator: ", ") + moreOwners))
        var churnLine: IRCLine = "churn risks: \(churn.open.count) open, \(churn.opened) opened, \(churn.closed) closed"
        if !churn.open.isEmpty {
            let listed: [IRCLine] = churn.open.prefix(churnListed).map { risk in
                "#\(risk.ticketID) \(risk.displayName, limit: 30) \(botText: ReportFormat.duration(end.timeIntervalSince(risk.createdAt))) \(ReportFormat.owner(risk.owner))"
            }
            churnLine = churnLine + " — " + IRCLine.joined(listed, separator: " · ")
            if churn.open.count > churnListed { churnLine = churnLine + " · +\(churn.open.count - churnListed) more" }
        }
        lines.append(churnLine)
        return lines
    }
}
