public import Foundation

/// Times of day as the desk writes them everywhere (replies, follow-ups, promises to customers, reports):
/// `09:14`, on a 24-hour clock, in a zone the caller names.
public enum ClockText {
    /// The hour and minute of `date` in `timeZone`.
    public static func time(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return time(hour: parts.hour ?? 0, minute: parts.minute ?? 0)
    }

    /// A time of day given as minutes after midnight, as schedules in the config are stored.
    public static func time(minuteOfDay: Int) -> String {
        time(hour: minuteOfDay / 60, minute: minuteOfDay % 60)
    }

    private static func time(hour: Int, minute: Int) -> String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }
}
