/// Normalises the email addresses we key customers by.
public enum EmailAddress {
    /// The lowercased bare address, or nil when `raw` is not one. Accepts `mailto:` and `<…>` forms,
    /// and `Name <addr>` by taking what is inside the brackets.
    public static func normalize(_ raw: String) -> String? {
        var text = raw.trimmingWhitespace()
        if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            text = String(text[text.index(after: open)..<close])
        }
        if text.lowercased().hasPrefix("mailto:") { text = String(text.dropFirst("mailto:".count)) }
        text = text.trimmingWhitespace().lowercased()
        guard let at = text.lastIndex(of: "@") else { return nil }
        let local = text[..<at]
        let domain = text[text.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty, !domain.hasPrefix("."), !domain.hasSuffix("."),
              !text.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "<" || $0 == ">" })
        else { return nil }
        return text
    }
}
