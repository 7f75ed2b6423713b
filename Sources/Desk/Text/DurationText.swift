public import Foundation

/// Durations as people write them in config and commands (`90s`, `15m`, `24h`, `7d`), and as the desk
/// writes a span back to them.
public enum DurationText {
    /// A span to the minute, two units at most: `45s`, `42m`, `3h 10m`, `3h`, `1d 2h`, `2d`. The one way
    /// the desk says how long something took, has waited or has left (reports, card ages, follow-ups, the
    /// WhatsApp window). A negative span reads as `0s`.
    public static func words(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(seconds.rounded()))
        switch total {
        case ..<60: return "\(total)s"
        case ..<3600: return "\(total / 60)m"
        case ..<86_400: return pair(total / 3600, "h", total % 3600 / 60, "m")
        default: return pair(total / 86_400, "d", total % 86_400 / 3600, "h")
        }
    }

    private static func pair(_ major: Int, _ majorUnit: String, _ minor: Int, _ minorUnit: String) -> String {
        minor == 0 ? "\(major)\(majorUnit)" : "\(major)\(majorUnit) \(minor)\(minorUnit)"
    }

    /// Whole seconds, or nil when the text is not a number followed by s, m, h or d, or when the
    /// seconds do not fit in an `Int` (an agent's `snooze 1 99999999999999999d` must not trap).
    public static func seconds(_ text: String) -> Int? {
        let trimmed = text.trimmingWhitespace().lowercased()
        guard let unit = trimmed.last, let number = Int(trimmed.dropLast()), number >= 0 else { return nil }
        let multiplier: Int
        switch unit {
        case "s": multiplier = 1
        case "m": multiplier = 60
        case "h": multiplier = 3600
        case "d": multiplier = 86_400
        default: return nil
        }
        let (seconds, overflow) = number.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : seconds
    }
}
