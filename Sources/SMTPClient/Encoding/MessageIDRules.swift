/// Cleans message ids for Message-ID, In-Reply-To and References.
///
/// Ids from inbound mail are attacker-controlled text; one with a space, bracket or line break would
/// break the header, so such ids are dropped rather than repaired.
enum MessageIDRules {
    /// Longer ids could not be folded under the 998-octet line limit.
    static let maximumOctets = 900

    /// The id without brackets or surrounding whitespace, or `nil` when it cannot go into a header.
    /// `requireAt` is for our own ids, which must be `local@domain`; other people's are taken as found.
    static func normalized(_ id: String, requireAt: Bool = true) -> String? {
        var text = Substring(id).drop(while: \.isWhitespace)
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        if text.hasPrefix("<") && text.hasSuffix(">") && text.count >= 2 { text = text.dropFirst().dropLast() }
        guard !text.isEmpty, text.utf8.count <= maximumOctets else { return nil }
        guard text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }) else { return nil }
        if requireAt {
            guard let at = text.firstIndex(of: "@"), at != text.startIndex, text.index(after: at) != text.endIndex else { return nil }
        }
        return String(text)
    }
}
