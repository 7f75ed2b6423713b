internal import Crypto

/// `X-Hub-Signature-256`: `sha256=` and the hex HMAC-SHA256 of the raw body, keyed with the app secret.
///
/// It must be checked on the bytes exactly as received, before any JSON parsing: re-serialised JSON
/// differs (escaped emoji, key order, spacing) and would never match.
public enum MetaSignature {
    public static let headerName = "X-Hub-Signature-256"

    /// The header value Meta would send for `body`: `sha256=` and lowercase hex.
    public static func expected(body: some Collection<UInt8>, appSecret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(body), using: SymmetricKey(data: Array(appSecret.utf8)))
        return "sha256=" + mac.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// True when `header` carries the right HMAC. Hex of either case is accepted, surrounding spaces are
    /// ignored, and the MAC is compared in constant time. A missing header, another algorithm prefix or
    /// an empty app secret is false.
    public static func isValid(header: String?, body: some Collection<UInt8>, appSecret: String) -> Bool {
        guard let header, !appSecret.isEmpty else {
            return false
        }
        let trimmed = header.utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        let prefix = Array("sha256=".utf8)
        guard trimmed.count >= prefix.count,
              trimmed.prefix(prefix.count).map(asciiLowercased).elementsEqual(prefix)
        else {
            return false
        }
        var hex = Array(trimmed.dropFirst(prefix.count))
        while let last = hex.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            hex.removeLast()
        }
        guard let received = bytes(fromHex: hex), received.count == SHA256.byteCount else {
            return false
        }
        return HMAC<SHA256>.isValidAuthenticationCode(
            received,
            authenticating: Array(body),
            using: SymmetricKey(data: Array(appSecret.utf8))
        )
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    private static func bytes(fromHex hex: [UInt8]) -> [UInt8]? {
        guard hex.count.isMultiple(of: 2) else {
            return nil
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.count / 2)
        var index = 0
        while index < hex.count {
            guard let high = nibble(hex[index]), let low = nibble(hex[index + 1]) else {
                return nil
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
