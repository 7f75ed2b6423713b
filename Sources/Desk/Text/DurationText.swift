/// Durations as people write them in config and commands: `90s`, `15m`, `24h`, `7d`.
public enum DurationText {
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
