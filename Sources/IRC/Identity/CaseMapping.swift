/// How a server compares nicks and channel names, from ISUPPORT `CASEMAPPING`.
///
/// Folding changes ASCII bytes only, so it never breaks a UTF-8 sequence; non-ASCII letters keep their
/// case, which is also what servers announcing these three mappings do.
public enum CaseMapping: String, Sendable, CaseIterable {
    /// `A`–`Z` fold to `a`–`z`.
    case ascii
    /// ASCII, plus `[]\~` fold to `{}|^` (Scandinavian heritage of RFC 1459). The default when a server
    /// announces nothing.
    case rfc1459
    /// Like rfc1459, but `~` and `^` stay distinct.
    case rfc1459Strict = "rfc1459-strict"

    public func fold(_ text: some StringProtocol) -> String {
        String(decoding: text.utf8.map(foldByte), as: UTF8.self)
    }

    private func foldByte(_ byte: UInt8) -> UInt8 {
        switch byte {
        case 0x41...0x5A: return byte + 0x20
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\\"):
            return self == .ascii ? byte : byte + 0x20
        case UInt8(ascii: "~"):
            return self == .rfc1459 ? UInt8(ascii: "^") : byte
        default:
            return byte
        }
    }
}
