public import Foundation

/// WhatsApp's 24-hour customer-service window.
///
/// A free-form message may be sent only within 24 hours of the customer's last *inbound* message; our
/// own replies do not extend it. Outside it, only an approved template gets through (Twilio error 63016,
/// Meta 131047). Other help desks let agents type free text after the window closed and fail later, and
/// show no timer; these functions give the timer and the reason so Switchboard can refuse up front.
///
/// This is the one place the window is computed: the desk's send check, its window line on `claim`
/// and the follow-up warning all ask it. Writing the time left is the desk's (`DurationText`).
public enum WhatsAppWindow {
    /// 24 hours.
    public static let length: TimeInterval = 24 * 60 * 60

    /// When the window opened by the customer's message at `lastInbound` closes.
    public static func closesAt(lastInbound: Date) -> Date {
        lastInbound.addingTimeInterval(length)
    }

    /// True while free-form messages are allowed: from the inbound message until, but not including,
    /// 24 hours later. A last inbound time in the future (clock skew) counts as open; a customer who
    /// never wrote (nil) never opened it.
    public static func isOpen(lastInbound: Date?, now: Date) -> Bool {
        guard let lastInbound else {
            return false
        }
        return now < closesAt(lastInbound: lastInbound)
    }

    /// Seconds left, between 0 (closed or never opened) and 24 hours.
    public static func remaining(lastInbound: Date?, now: Date) -> TimeInterval {
        guard let lastInbound else {
            return 0
        }
        return min(max(closesAt(lastInbound: lastInbound).timeIntervalSince(now), 0), length)
    }

    /// When to nudge the agent, `lead` before the window closes (one hour by default, as one help desk
    /// does at 23 hours).
    public static func reminderAt(lastInbound: Date, lead: TimeInterval = 60 * 60) -> Date {
        closesAt(lastInbound: lastInbound).addingTimeInterval(-lead)
    }

    /// Twilio error 63016 in plain words.
    public static let outsideWindowExplanation =
        "The customer's last message is more than 24 hours old, so WhatsApp accepts only an approved "
        + "template, not free text. Send a template (with Twilio: ContentSid and ContentVariables, no Body; "
        + "template text pasted into Body still fails), or wait for the customer to write again, which "
        + "reopens the window for 24 hours."
}
