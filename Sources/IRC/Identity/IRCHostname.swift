/// Host name validation for names this side chooses (configuration, a server to connect to).
///
/// Never apply it to hosts a server reports: vhosts and cloaks legitimately break these rules.
public enum IRCHostname {
    /// Letters, digits and inner hyphens in labels of 1 to 63 bytes, at least one dot, an optional
    /// trailing dot, at most 253 bytes.
    public static func isValid(_ host: some StringProtocol) -> Bool {
        var bytes = Array(host.utf8)[...]
        guard bytes.contains(UInt8(ascii: ".")), bytes.count <= 253 else { return false }
        if bytes.last == UInt8(ascii: ".") { bytes = bytes.dropLast() }
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard !labels.isEmpty else { return false }
        return labels.allSatisfy { label in
            guard (1...63).contains(label.count), label.first != 0x2D, label.last != 0x2D else { return false }
            return label.allSatisfy { ASCII.isLetter($0) || ASCII.isDigit($0) || $0 == 0x2D }
        }
    }
}
