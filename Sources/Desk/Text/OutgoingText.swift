/// Cleans text that leaves for a customer (a draft, an agent's reply, a confirmation), so that what an
/// agent reviewed in IRC is exactly what is sent: no control characters that IRC would not show, no bidi
/// override that makes a line read differently from what it is.
///
/// Unlike ``IRCSanitizer`` it keeps line breaks, which WhatsApp and email show; within a line it
/// collapses whitespace as IRC shows it, and keeps the bidi marks and joiners that Arabic, Urdu and emoji
/// need. Drafts are stored cleaned, so the draft shown, the draft stored and the message sent are one
/// string: each of its lines is shown as it is.
public enum OutgoingText {
    public static func clean(_ text: String) -> String {
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        var pendingSpace = false
        var previousWasCR = false
        func endLine() {
            lines.append(String(line))
            line = String.UnicodeScalarView()
            pendingSpace = false
        }
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0A where previousWasCR:
                continue
            case 0x0D, 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                endLine()
            case _ where scalar.properties.isWhitespace:
                pendingSpace = true
            case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                if pendingSpace, !line.isEmpty { line.append(" ") }
                pendingSpace = false
                line.append(scalar)
            }
        }
        endLine()
        return lines.joined(separator: "\n").trimmingWhitespace()
    }

    /// The lines an agent sees in IRC for a cleaned text: exactly its non-empty lines.
    public static func displayLines(_ cleaned: String) -> [String] {
        cleaned.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}
