/// A channel name that compares and hashes under the server's case mapping.
public struct IRCChannelName: Sendable, Hashable, CustomStringConvertible {
    /// The name as written.
    public let rawValue: String
    public let caseMapping: CaseMapping
    /// The case-folded form used for equality and hashing.
    public let folded: String

    /// Requires a first character from `channelTypes` (ISUPPORT `CHANTYPES`) and rejects a space, comma,
    /// BEL, NUL, CR or LF anywhere: each of those would end the name or the command early. The type
    /// prefix is checked as a Unicode scalar, because `#` followed by a combining mark is one `Character`.
    /// `maxLength` (from `CHANNELLEN`) counts UTF-8 bytes.
    public init?(_ raw: String, channelTypes: Set<Character> = ["#"], caseMapping: CaseMapping = .rfc1459,
                 maxLength: Int? = nil) {
        guard let first = raw.unicodeScalars.first, channelTypes.contains(Character(first)) else { return nil }
        if let maxLength, raw.utf8.count > maxLength { return nil }
        let forbidden: Set<UInt8> = [ASCII.space, ASCII.comma, ASCII.bel, ASCII.nul, ASCII.cr, ASCII.lf]
        guard !raw.utf8.contains(where: forbidden.contains) else { return nil }
        self.rawValue = raw
        self.caseMapping = caseMapping
        self.folded = caseMapping.fold(raw)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.folded == rhs.folded
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(folded)
    }

    public var description: String { rawValue }
}
