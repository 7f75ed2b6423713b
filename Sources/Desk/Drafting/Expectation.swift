public import Foundation

/// A concrete time a deferring reply promises, worked out from business hours and the update SLA, and
/// said the way each supported language says it ("by 15:00 today", "kal 11:00 baje tak").
///
/// "We'll get back to you" is not a reply; "we'll update you by 11:00 tomorrow" is. The drafter uses
/// this whenever a draft defers, so the draft never trips the vague-reply guard.
public struct Expectation: Sendable, Hashable {
    public var due: Date
    public var now: Date
    public var timeZone: TimeZone

    public init(due: Date, now: Date, timeZone: TimeZone) {
        self.due = due
        self.now = now
        self.timeZone = timeZone
    }

    /// `updatePromise` of business time from `now`, rounded up to the next half hour.
    public static func update(now: Date, hours: BusinessHours, levels: ServiceLevels) -> Expectation {
        let raw = hours.adding(levels.updatePromise.timeInterval, to: now)
        let halfHours = (raw.timeIntervalSince1970 / 1800).rounded(.up)
        return Expectation(due: Date(timeIntervalSince1970: halfHours * 1800), now: now, timeZone: hours.timeZone)
    }

    static let weekdays: [String: [String]] = [
        "en": ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        "ar": ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"],
        "hi-Latn": ["Ravivaar", "Somvaar", "Mangalvaar", "Budhvaar", "Guruvaar", "Shukravaar", "Shanivaar"],
        "ur-Latn": ["Itwaar", "Peer", "Mangal", "Budh", "Jumeraat", "Juma", "Hafta"],
        "id": ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
        "ms": ["Ahad", "Isnin", "Selasa", "Rabu", "Khamis", "Jumaat", "Sabtu"],
        "tl": ["Linggo", "Lunes", "Martes", "Miyerkules", "Huwebes", "Biyernes", "Sabado"],
    ]

    /// The whole promise sentence in `lang` (one of the drafter's template languages; English otherwise).
    public func sentence(lang: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute, .weekday], from: due)
        let clock = ClockText.time(due, timeZone: timeZone)
        let days = calendar.dateComponents([.day], from: calendar.startOfDay(for: now), to: calendar.startOfDay(for: due)).day ?? 0
        let names = Self.weekdays[lang] ?? Self.weekdays["en"]!
        let weekday = names[((parts.weekday ?? 1) - 1) % 7]
        switch lang {
        case "ar":
            let when = days == 0 ? "اليوم" : days == 1 ? "غداً" : "يوم \(weekday)"
            return "نعمل على طلبك وسنوافيك بالتحديث قبل الساعة \(clock) \(when)."
        case "hi-Latn":
            let when = days == 0 ? "aaj" : days == 1 ? "kal" : weekday
            return "Hum is par kaam kar rahe hain, \(when) \(clock) baje tak update denge."
        case "ur-Latn":
            let when = days == 0 ? "aaj" : days == 1 ? "kal" : weekday
            return "Hum is par kaam kar rahe hain, \(when) \(clock) baje tak update dein ge."
        case "id":
            let when = days == 0 ? "hari ini" : days == 1 ? "besok" : "hari \(weekday)"
            return "Kami sedang menanganinya dan akan memberi kabar paling lambat \(when) pukul \(clock)."
        case "ms":
            let when = days == 0 ? "hari ini" : days == 1 ? "esok" : "hari \(weekday)"
            return "Kami sedang uruskan dan akan maklumkan selewat-lewatnya \(when) jam \(clock)."
        case "tl":
            let when = days == 0 ? "ngayong araw" : days == 1 ? "bukas" : "sa \(weekday)"
            return "Inaasikaso na namin ito at magbibigay kami ng update bago mag-\(clock) \(when)."
        default:
            let when = days == 0 ? "today" : days == 1 ? "tomorrow" : "on \(weekday)"
            return "We're on it and will update you by \(clock) \(when)."
        }
    }
}
