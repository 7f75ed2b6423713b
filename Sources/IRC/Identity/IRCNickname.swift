/// A nick that compares and hashes under the server's case mapping, so `Agent[1]` and `agent{1}` are
/// one key in a dictionary under rfc1459.
///
/// A nick is not an identity (anyone may take a free nick); authorise on the services account instead.
public struct IRCNickname: Sendable, Hashable, CustomStringConvertible {
    /// The nick as written.
    public let rawValue: String
    public let caseMapping: CaseMapping
    /// The case-folded form used for equality and hashing.
    public let folded: String

    /// Rejects what no server accepts in a nick: empty, a space, `,` `*` `?` `!` `@` `.`, control
    /// characters, or a leading `$`, `:`, `#` or `&`. A leading digit is allowed because InspIRCd renames
    /// users to their UID (`0ABAAAAAB`) on a collision. `maxLength` (from `NICKLEN`) counts UTF-8 bytes,
    /// the stricter reading.
    public init?(_ raw: String, caseMapping: CaseMapping = .rfc1459, maxLength: Int? = nil) {
        let bytes = raw.utf8
        guard let first = bytes.first else { return nil }
        if let maxLength, bytes.count > maxLength { return nil }
        let forbidden: Set<UInt8> = [ASCII.space, ASCII.comma, UInt8(ascii: "*"), UInt8(ascii: "?"), ASCII.bang,
                                     ASCII.at, UInt8(ascii: ".")]
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || forbidden.contains($0) }) else { return nil }
        let forbiddenFirst: Set<UInt8> = [UInt8(ascii: "$"), ASCII.colon, UInt8(ascii: "#"), UInt8(ascii: "&")]
        guard !forbiddenFirst.contains(first) else { return nil }
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
