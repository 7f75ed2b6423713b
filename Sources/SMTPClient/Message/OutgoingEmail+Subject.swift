extension OutgoingEmail {
    /// `Re: <original> [#42]`, without stacking `Re:` prefixes or repeating a ticket tag the subject
    /// already carries. Other prefixes (`AW:`, `Fwd:`) are the customer's words and stay.
    public static func replySubject(to original: String?, ticketID: Int64) -> String {
        let tag = "[#\(ticketID)]"
        var words = (original ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        while let first = words.first, first.lowercased().hasPrefix("re:") {
            let rest = first.dropFirst(3)
            if rest.isEmpty { words.removeFirst() } else { words[0] = String(rest) }
        }
        words = words.compactMap { word in
            let cleaned = word.replacing(tag, with: "")
            return cleaned.isEmpty ? nil : cleaned
        }
        return words.isEmpty ? "Re: \(tag)" : "Re: \(words.joined(separator: " ")) \(tag)"
    }
}
