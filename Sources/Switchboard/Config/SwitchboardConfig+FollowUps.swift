import Desk
import Foundation
import Yams

extension SwitchboardConfig {
    /// `business_hours: {timezone, days, open, close}`, `sla: {first_response, first_response_urgent,
    /// first_response_by_category, update_promise}` and `follow_ups: {awaiting_customer, window_warning, template}`.
    static func parseFollowUps(hours hoursNode: Node?, sla slaNode: Node?, followUps node: Node?, reader r: ConfigReader) -> FollowUpSettings {
        var settings = FollowUpSettings()
        if let hours = r.mapping(hoursNode, at: "business_hours", allowed: ["timezone", "days", "open", "close"]) {
            let zoneName = r.string(hours["timezone"], at: "business_hours.timezone") ?? "UTC"
            let zone = TimeZone(identifier: zoneName)
            if zone == nil { r.error("business_hours.timezone", "\"\(zoneName)\" is not an IANA time zone (like Asia/Dubai)") }
            var days = Set<Int>()
            for name in r.strings(hours["days"], at: "business_hours.days") ?? ["mon", "tue", "wed", "thu", "fri"] {
                guard let day = BusinessHours.weekdayNames[String(name.lowercased().prefix(3))] else {
                    r.error("business_hours.days", "\"\(name)\" is not a weekday (sun, mon, tue, wed, thu, fri, sat)")
                    continue
                }
                days.insert(day)
            }
            let opens = clock(r.string(hours["open"], at: "business_hours.open") ?? "09:00", at: "business_hours.open", reader: r)
            let closes = clock(r.string(hours["close"], at: "business_hours.close") ?? "18:00", at: "business_hours.close", reader: r)
            if closes <= opens { r.error("business_hours.close", "must be after business_hours.open") }
            settings.hours = BusinessHours(timeZone: zone ?? TimeZone(identifier: "UTC")!, days: days, opens: opens, closes: closes)
        }
        if let sla = r.mapping(slaNode, at: "sla", allowed: ["first_response", "first_response_urgent", "first_response_by_category", "update_promise"]) {
            if let value = r.duration(sla["first_response"], at: "sla.first_response") { settings.levels.firstResponse = value }
            if let value = r.duration(sla["first_response_urgent"], at: "sla.first_response_urgent") { settings.levels.firstResponseUrgent = value }
            if let value = r.duration(sla["update_promise"], at: "sla.update_promise") { settings.levels.updatePromise = value }
            let byCategory = r.mapping(sla["first_response_by_category"], at: "sla.first_response_by_category", allowed: categories) ?? [:]
            for (name, value) in byCategory {
                if let category = Desk.Category(rawValue: name), let duration = r.duration(value, at: "sla.first_response_by_category.\(name)") {
                    settings.levels.firstResponseByCategory[category] = duration
                }
            }
        }
        if let follow = r.mapping(node, at: "follow_ups", allowed: ["awaiting_customer", "window_warning", "template"]) {
            if let value = r.duration(follow["awaiting_customer"], at: "follow_ups.awaiting_customer") { settings.awaitingCustomer = value }
            if let value = r.duration(follow["window_warning"], at: "follow_ups.window_warning") { settings.windowWarning = value }
            settings.followUpTemplate = r.string(follow["template"], at: "follow_ups.template")
        }
        return settings
    }

    /// `churn: {enabled, channel, digest_at, weekly_on}`. Without a channel, the churn_risk routing rule's.
    static func parseChurnWatch(_ node: Node?, routing: [RouteRule], timeZone: TimeZone, reader r: ConfigReader) -> DeskBot.ChurnWatchSettings? {
        let fields = r.mapping(node, at: "churn", allowed: ["enabled", "channel", "digest_at", "weekly_on"]) ?? [:]
        if r.bool(fields["enabled"], at: "churn.enabled") == false { return nil }
        let at = clock(r.string(fields["digest_at"], at: "churn.digest_at") ?? "09:00", at: "churn.digest_at", reader: r)
        let dayName = r.string(fields["weekly_on"], at: "churn.weekly_on") ?? "mon"
        let day = BusinessHours.weekdayNames[String(dayName.lowercased().prefix(3))]
        if day == nil { r.error("churn.weekly_on", "\"\(dayName)\" is not a weekday (sun … sat)") }
        let routed = routing.first { $0.match.category.contains("churn_risk") }?.channel
        guard let channel = r.string(fields["channel"], at: "churn.channel") ?? routed else {
            if node != nil { r.error("churn.channel", "is required when no routing rule matches churn_risk") }
            return nil
        }
        return .init(channel: channel, schedule: DigestSchedule(timeZone: timeZone, at: at, weeklyOn: day ?? 2))
    }

    /// `"09:30"` as minutes after midnight.
    private static func clock(_ text: String, at path: String, reader r: ConfigReader) -> Int {
        let parts = text.split(separator: ":").map { Int($0) }
        guard parts.count == 2, let hour = parts[0], let minute = parts[1], (0...24).contains(hour), (0..<60).contains(minute),
              hour * 60 + minute <= 24 * 60 else {
            r.error(path, "\"\(text)\" is not a time like 09:00")
            return 0
        }
        return hour * 60 + minute
    }
}
