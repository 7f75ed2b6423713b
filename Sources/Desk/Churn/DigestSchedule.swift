public import Foundation

/// When the churn watch posts: a daily digest at a local time, and a weekly summary on one weekday at
/// the same time, in the team's time zone.
///
/// "Due" compares against the last run recorded in the database, so a digest that fell due while the bot
/// was down is posted once at start (the same day), and never twice.
public struct DigestSchedule: Sendable, Hashable {
    public var timeZone: TimeZone
    /// Minutes after local midnight.
    public var at: Int
    /// Calendar weekday (1 = Sunday) of the weekly summary.
    public var weeklyOn: Int

    public init(timeZone: TimeZone, at: Int = 9 * 60, weeklyOn: Int = 2) {
        self.timeZone = timeZone
        self.at = at
        self.weeklyOn = weeklyOn
    }

    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// Today's digest time, if it has passed and no digest ran since.
    public func dailyDue(now: Date, lastRun: Date?) -> Date? {
        let slot = calendar.startOfDay(for: now).addingTimeInterval(TimeInterval(at * 60))
        guard now >= slot else { return nil }
        if let lastRun, lastRun >= slot { return nil }
        return slot
    }

    /// This week's summary time, if today is the day, it has passed, and no summary ran since.
    public func weeklyDue(now: Date, lastRun: Date?) -> Date? {
        guard calendar.component(.weekday, from: now) == weeklyOn else { return nil }
        return dailyDue(now: now, lastRun: lastRun)
    }
}
