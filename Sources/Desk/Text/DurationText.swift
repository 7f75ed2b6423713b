/// Durations as people write them in config and commands: `90s`, `15m`, `24h`, `7d`.
public enum DurationText {
    /// Whole seconds, or nil when the text is not a number followed by s, m, h or d.
    public static func seconds(_ text: String) -> Int? {
        let trimmed = text.trimmingWhitespace().lowercased()
        guard let unit = trimmed.last, let number = Int(trimmed.dropLast()), number >= 0 else { return nil }
        switch unit {
        case "s": return number
        case "m": return number * 60
        case "h": return number * 3600
        case "d": return number * 86_400
        default: return nil
        }
    }
}
