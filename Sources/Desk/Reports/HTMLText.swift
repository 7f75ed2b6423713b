/// Escaping for HTML text and attribute values (double- or single-quoted). Report pages show customer
/// names and agent accounts, which are outside input: everything that is not markup we wrote goes
/// through here.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            // Control characters are not allowed in HTML text; NUL would end some parsers' strings.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}"..."\u{9F}": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escaped, and cut to `limit` characters with an ellipsis (labels inside charts).
    public static func label(_ text: String, limit: Int) -> String {
        escape(text.count > limit ? String(text.prefix(limit - 1)) + "…" : text)
    }
}
