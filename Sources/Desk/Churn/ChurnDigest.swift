public import Foundation
public import IRC

/// The churn watch's words for the founders' channel: the daily list of open churn risks, and the
/// weekly count of opened and closed ones with how they were resolved.
public enum ChurnDigest {
    public struct OpenRisk: Sendable, Hashable {
        public var ticket: Ticket
        public var customerName: String
        public var plan: String?
        /// The last thing that happened, in words ("draft not sent", "awaiting customer 3d").
        public var lastAction: String

        public init(ticket: Ticket, customerName: String, plan: String?, lastAction: String) {
            self.ticket = ticket
            self.customerName = customerName
            self.plan = plan
            self.lastAction = lastAction
        }
    }

    public static func daily(_ risks: [OpenRisk], now: Date, clock: String, timeZone: TimeZone) -> [IRCLine] {
        let count: IRCLine = risks.isEmpty ? "no open churn risks" : "\(risks.count) open churn risk\(botText: risks.count == 1 ? "" : "s")"
        let header: IRCLine = "Daily churn watch (\(botText: clock) \(botText: timeZone.identifier)): \(count)"
        return [header] + risks.map { risk in
            let who: IRCLine = risk.plan.map { "\(risk.customerName) (\($0))" } ?? "\(risk.customerName)"
            let owner: IRCLine = risk.ticket.responsible.map { "owner \($0)" } ?? "unclaimed"
            return "  #\(risk.ticket.id) \(who) · \(botText: TicketCard.age(from: risk.ticket.createdAt, to: now)) · \(owner) · last: \(botText: risk.lastAction)"
        }
    }

    public static func weekly(opened: [Ticket], closed: [Ticket]) -> [IRCLine] {
        var lines: [IRCLine] = ["Weekly churn watch: \(opened.count) churn risk\(botText: opened.count == 1 ? "" : "s") opened, \(closed.count) closed in the last 7 days"]
        for ticket in closed.prefix(10) {
            let resolution: IRCLine = ticket.resolution.map { "\"\($0)\"" } ?? "no resolution logged"
            lines.append("  #\(ticket.id) closed: \(resolution)")
        }
        if closed.count > 10 { lines.append("  … and \(closed.count - 10) more") }
        return lines
    }

    /// A ticket's last meaningful event, in the words of the digest.
    public static func lastAction(kind: EventKind?, at: Date?, now: Date, slaMissedBy: TimeInterval?) -> String {
        if let slaMissedBy, slaMissedBy > 0 {
            return "⚠ first-response SLA missed by \(TicketCard.age(from: now.addingTimeInterval(-slaMissedBy), to: now))"
        }
        let ago = at.map { TicketCard.age(from: $0, to: now) } ?? ""
        switch kind?.rawValue {
        case "drafted": return "draft not sent"
        case "queued", "sent", "delivered", "read", "replied": return "awaiting customer \(ago)"
        case "claimed", "assigned": return "claimed \(ago) ago, no reply yet"
        case "received", "reopened": return "customer wrote \(ago) ago"
        case let other?: return "\(other) \(ago) ago"
        case nil: return "nothing yet"
        }
    }
}
