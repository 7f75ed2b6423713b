/// The checks an address must pass before it goes into an SMTP command or a header, where a stray
/// CR, LF, space or angle bracket would change the meaning of the line (command or header injection).
enum SMTPAddressRules {
    /// RFC 5321 §4.5.3.1.3 limits a path to 256 octets including the angle brackets.
    static let maximumAddressOctets = 254

    /// Why `address` cannot be used, or `nil` when it can.
    static func problem(with address: String) -> String? {
        if address.isEmpty { return "the address is empty" }
        if address.utf8.count > maximumAddressOctets { return "the address \(address.prefix(40))… is longer than \(maximumAddressOctets) octets" }
        if address.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F || "<>()[],;:\\\"".unicodeScalars.contains($0) }) {
            return "the address \"\(printable(address))\" contains spaces, control characters or brackets"
        }
        guard let at = address.lastIndex(of: "@") else { return "the address \"\(address)\" has no @" }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        if local.isEmpty || domain.isEmpty { return "the address \"\(address)\" is missing the part before or after @" }
        if domain.hasPrefix(".") || domain.hasSuffix(".") || domain.contains("..") { return "the domain of \"\(address)\" is malformed" }
        return nil
    }

    /// The part after the last `@`.
    static func domain(of address: String) -> Substring? {
        address.lastIndex(of: "@").map { address[address.index(after: $0)...] }
    }

    /// Whether the name can follow EHLO: an ASCII domain (letters, digits, hyphens, dots) or an address
    /// literal such as `[192.0.2.1]`.
    static func isValidHeloName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 255 else { return false }
        if name.hasPrefix("[") && name.hasSuffix("]") {
            return name.utf8.dropFirst().dropLast().allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "[") && $0 != UInt8(ascii: "]") }
        }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.utf8.allSatisfy { ASCIIBytes.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    static func printable(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
    }
}
