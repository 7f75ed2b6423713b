public import Foundation

/// When the team works, in its own time zone: which weekdays, and from when to when.
///
/// SLAs count business time, not wall time: a ticket that arrives on Thursday evening in Dubai with a
/// four-hour first-response SLA is due on Sunday morning, not at midnight. Promises made to customers
/// ("we'll update you by 11:00 tomorrow") come from the same arithmetic.
public struct BusinessHours: Sendable, Hashable {
    public var timeZone: TimeZone
    /// Calendar weekday numbers, 1 = Sunday … 7 = Saturday.
    public var days: Set<Int>
    /// Minutes after local midnight.
    public var opens: Int
    public var closes: Int

    public init(timeZone: TimeZone, days: Set<Int>, opens: Int, closes: Int) {
        self.timeZone = timeZone
        self.days = days
        self.opens = opens
        self.closes = closes
    }

    /// Every day, all day, in UTC: what an unconfigured desk assumes.
    public static let always = BusinessHours(timeZone: TimeZone(identifier: "UTC")!, days: Set(1...7), opens: 0, closes: 24 * 60)

    public static let weekdayNames = ["sun": 1, "mon": 2, "tue": 3, "wed": 4, "thu": 5, "fri": 6, "sat": 7]

    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    public func isOpen(at date: Date) -> Bool {
        let (day, minute) = local(date)
        return days.contains(day) && minute >= opens && minute < closes
    }

    /// The instant when `duration` of business time has passed after `start`.
    public func adding(_ duration: TimeInterval, to start: Date) -> Date {
        guard !days.isEmpty, closes > opens else { return start.addingTimeInterval(duration) }
        var remaining = duration
        var cursor = start
        // A year of days is far more than any SLA needs; the bound keeps a bad config from looping.
        for _ in 0..<400 {
            let dayStart = calendar.startOfDay(for: cursor)
            let open = dayStart.addingTimeInterval(TimeInterval(opens * 60))
            let close = dayStart.addingTimeInterval(TimeInterval(closes * 60))
            if days.contains(calendar.component(.weekday, from: cursor)) && cursor < close {
                let from = max(cursor, open)
                let available = close.timeIntervalSince(from)
                if remaining <= available { return from.addingTimeInterval(remaining) }
                remaining -= available
            }
            cursor = calendar.date(byAdding: .day, value: 1, to: dayStart) ?? dayStart.addingTimeInterval(86_400)
        }
        return start.addingTimeInterval(duration)
    }

    /// Business time between two instants (zero when `end` is not after `start`).
    public func businessTime(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        guard !days.isEmpty, closes > opens else { return end.timeIntervalSince(start) }
        var total: TimeInterval = 0
        var cursor = start
        while cursor < end {
            let dayStart = calendar.startOfDay(for: cursor)
            let next = calendar.date(byAdding: .day, value: 1, to: dayStart) ?? dayStart.addingTimeInterval(86_400)
            if days.contains(calendar.component(.weekday, from: cursor)) {
                let open = max(cursor, dayStart.addingTimeInterval(TimeInterval(opens * 60)))
                let close = min(end, dayStart.addingTimeInterval(TimeInterval(closes * 60)))
                if close > open { total += close.timeIntervalSince(open) }
            }
            cursor = next
        }
        return total
    }

    /// Weekday (1 = Sunday) and minute of the day, in the team's time zone.
    func local(_ date: Date) -> (day: Int, minute: Int) {
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        return (parts.weekday ?? 1, (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }
}
