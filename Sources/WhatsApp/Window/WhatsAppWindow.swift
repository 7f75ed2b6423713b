public import Foundation

/// WhatsApp's 24-hour customer-service window.
///
/// A free-form message may be sent only within 24 hours of the customer's last *inbound* message; our
/// own replies do not extend it. Outside it, only an approved template gets through (Twilio error 63016,
/// Meta 131047). Other help desks let agents type free text after the window closed and fail later, and
/// show no timer; these functions give the timer and the reason so Switchboard can refuse up front.
public enum WhatsAppWindow {
    /// 24 hours.
    public static let length: TimeInterval = 24 * 60 * 60

    /// When the window closes, or nil when the customer never wrote.
    public static func closesAt(lastInbound: Date?) -> Date? {
        lastInbound.map { $0.addingTimeInterval(length) }
    }

    /// True while free-form messages are allowed: from the inbound message until, but not including,
    /// 24 hours later. A last inbound time in the future (clock skew) counts as open.
    public static func isOpen(lastInbound: Date?, now: Date) -> Bool {
        guard let closes = closesAt(lastInbound: lastInbound) else {
            return false
        }
        return now < closes
    }

    /// Seconds left, between 0 (closed or never opened) and 24 hours.
    public static func remaining(lastInbound: Date?, now: Date) -> TimeInterval {
        guard let closes = closesAt(lastInbound: lastInbound) else {
            return 0
        }
        return min(max(closes.timeIntervalSince(now), 0), length)
    }

    /// When to nudge the agent, `lead` before the window closes (one hour by default, as one help desk
    /// does at 23 hours); nil when the customer never wrote.
    public static func reminderAt(lastInbound: Date?, lead: TimeInterval = 60 * 60) -> Date? {
        closesAt(lastInbound: lastInbound).map { $0.addingTimeInterval(-lead) }
    }

    /// One line for IRC: "window open for 3h 12m", "window closed 5h ago: only templates", ….
    public static func summary(lastInbound: Date?, now: Date) -> String {
        guard let closes = closesAt(lastInbound: lastInbound) else {
            return "no message from the customer yet: only templates can be sent"
        }
        if now < closes {
            return "window open for \(words(remaining(lastInbound: lastInbound, now: now)))"
        }
        return "window closed \(words(now.timeIntervalSince(closes))) ago: only templates can be sent"
    }

    /// Twilio error 63016 in plain words.
    public static let outsideWindowExplanation =
        "The customer's last message is more than 24 hours old, so WhatsApp accepts only an approved "
        + "template, not free text. Send a template (with Twilio: ContentSid and ContentVariables, no Body; "
        + "template text pasted into Body still fails), or wait for the customer to write again, which "
        + "reopens the window for 24 hours."

    /// `3h 12m`, `45m`, `2d 4h`, `under a minute`.
    static func words(_ interval: TimeInterval) -> String {
        let minutes = Int(interval / 60)
        if minutes < 1 {
            return "under a minute"
        }
        let days = minutes / (24 * 60)
        let hours = minutes / 60 % 24
        let mins = minutes % 60
        if days > 0 {
            return hours > 0 ? "\(days)d \(hours)h" : "\(days)d"
        }
        if hours > 0 {
            return mins > 0 ? "\(hours)h \(mins)m" : "\(hours)h"
        }
        return "\(mins)m"
    }
}
