public import Foundation

/// How reports write numbers, durations and days, shared by the text, HTML and chat renderers so all
/// three say the same thing.
public enum ReportFormat {
    /// A span to the minute, two units at most: `45s`, `42m`, `3h 10m`, `1d 2h` (``DurationText/words(_:)``).
    public static func duration(_ seconds: TimeInterval) -> String {
        DurationText.words(seconds)
    }

    /// A duration, or an em dash when there is nothing to measure.
    public static func duration(_ seconds: TimeInterval?) -> String {
        seconds.map { duration($0) } ?? "—"
    }

    /// A config-style duration (`4h`, `90m`, `7d`).
    public static func duration(_ value: Duration) -> String {
        let seconds = Int(value.components.seconds)
        for (unit, size) in [("d", 86_400), ("h", 3600), ("m", 60)] where seconds >= size && seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }

    /// A share as a whole percentage (`8%`), or an em dash when undefined.
    public static func percent(_ rate: Double?) -> String {
        rate.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"
    }

    /// `2026-11-25` in the report's zone.
    public static func day(_ date: Date, timeZone: TimeZone) -> String {
        let c = components(date, timeZone: timeZone)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// `2026-11-25 21:04` in the report's zone.
    public static func minute(_ date: Date, timeZone: TimeZone) -> String {
        day(date, timeZone: timeZone) + " " + ClockText.time(date, timeZone: timeZone)
    }

    /// The period's length as typed after `--since` when it is a whole number of units.
    public static func length(of period: DateInterval) -> String {
        duration(Duration.seconds(Int64(period.duration.rounded())))
    }

    /// The account, or `nobody` for tickets without an owner.
    public static func owner(_ owner: String?) -> String {
        owner ?? "nobody"
    }

    /// What an event means to someone scanning the churn list: "draft not sent", "customer wrote".
    public static func action(_ event: ReportEvent) -> String {
        switch event.kind {
        case .received: "customer wrote"
        case .triaged: "triaged, nobody has acted"
        case .routed: "routed, nobody has acted"
        case .claimed: "claimed by \(event.actor)"
        case .unclaimed: "unclaimed by \(event.actor)"
        case .assigned: "assigned by \(event.actor)"
        case .drafted: "draft not sent"
        case .queued, .replied: "reply queued by \(event.actor)"
        case .retrying: "reply being retried"
        case .sent: "reply sent"
        case .delivered: "reply delivered"
        case .read: "reply read"
        case .failed: "reply failed"
        case .unknown: "send outcome unknown"
        case .reopened: "reopened"
        case .noted: "note by \(event.actor)"
        case .snoozed: "snoozed by \(event.actor)"
        case .followedUp: "followed up"
        case .tagged: "re-tagged by \(event.actor)"
        case .urgent: "urgency changed by \(event.actor)"
        default: "\(event.kind.rawValue) by \(event.actor)"
        }
    }

    private static func components(_ date: Date, timeZone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    }

}
