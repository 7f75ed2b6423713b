#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns body or header bytes in a declared charset into a `String`, and never fails.
///
/// UTF-8 and windows-1252 are decoded in Swift (they are most of the mail and the fallback); everything
/// else goes through iconv, which knows the legacy charsets Foundation on Linux lacks (TIS-620,
/// windows-1256/1258, ISO-8859-6, CP949, GB18030…). A label iconv does not know, or a body that is not
/// valid in its charset, degrades to replacement characters or a UTF-8/windows-1252 guess.
enum CharsetDecoder {
    enum Kind: Equatable {
        case utf8
        /// No usable label (`us-ascii`, `unknown-8bit`, missing): UTF-8 if the bytes are valid UTF-8,
        /// otherwise windows-1252.
        case guess
        /// ISO-8859-1 and windows-1252. Decoded as windows-1252 (the superset every browser uses), except
        /// that valid multi-byte UTF-8 wins, since that is by far the most common mislabelling.
        case latin1
        case iconv(String)
    }

    /// - Parameter fallback: the charset to try when the declared one is missing or clearly wrong (no
    ///   valid UTF-8 sequence in a body labelled UTF-8); windows-1252 when `nil`.
    static func decode(_ bytes: [UInt8], charset: String?, fallback: String? = nil) -> String {
        bytes.withUnsafeBufferPointer { decode($0, charset: charset, fallback: fallback) }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, charset: String?, fallback: String? = nil) -> String {
        decode(bytes, kind: kind(for: charset), fallback: fallback)
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, kind: Kind, fallback: String? = nil) -> String {
        switch kind {
        case .utf8:
            if let s = utf8IfValid(bytes) { return s }
            // Not one valid multi-byte sequence: the label is wrong, not the odd byte damaged.
            if !containsValidMultibyteUTF8(bytes) { return decodeFallback(bytes, fallback) }
            return String(decoding: bytes, as: UTF8.self)
        case .guess:
            return utf8IfValid(bytes) ?? decodeFallback(bytes, fallback)
        case .latin1:
            if let s = utf8IfValid(bytes) { return s }
            return windows1252(bytes)
        case .iconv(let name):
            if isASCII(bytes) && !isStatefulASCIIEscaped(name) {
                return String(decoding: bytes, as: UTF8.self)
            }
            if let s = IconvConverter.convert(bytes, from: name) { return s }
            return utf8IfValid(bytes) ?? windows1252(bytes)
        }
    }

    /// Maps a charset label as written in mail (any case, quoted, with aliases) to a decoding strategy.
    static func kind(for label: String?) -> Kind {
        guard let label else { return .guess }
        var name = ""
        for scalar in label.unicodeScalars {
            switch scalar {
            case "\"", "'", " ", "\t", "\r", "\n": continue
            default: name.unicodeScalars.append(scalar)
            }
        }
        name = name.lowercased()
        // RFC 2231 / 2184 allow a language suffix on encoded-word charsets: "utf-8*en".
        if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }
        switch name {
        case "utf-8", "utf8", "x-utf-8", "unicode-1-1-utf-8", "utf-8-sig":
            return .utf8
        case "", "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "cp367", "unknown-8bit",
             "unknown", "x-unknown", "default", "x-user-defined", "7bit", "8bit", "binary", "charset",
             "none", "x-unknown-8bit":
            return .guess
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "iso-ir-100",
             "windows-1252", "cp1252", "x-cp1252", "win-1252", "iso-8859-15", "iso8859-15", "latin-9",
             "latin9":
            if name.hasSuffix("15") || name.hasSuffix("9") { return .iconv("ISO-8859-15") }
            return .latin1
        case "tis-620", "tis620", "tis_620", "windows-874", "cp874", "x-windows-874", "iso-8859-11",
             "iso8859-11", "ms874", "x-tis-620":
            // windows-874 is a superset of TIS-620 (it adds curly quotes, the ellipsis and the euro sign).
            return .iconv("CP874")
        case "ks_c_5601-1987", "ks_c_5601", "ksc5601", "euc-kr", "euckr", "cp949", "windows-949", "uhc":
            return .iconv("CP949")
        case "gb2312", "gbk", "x-gbk", "cp936", "gb_2312-80", "euc-cn", "gb18030", "x-gb2312":
            return .iconv("GB18030")
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "cp932", "windows-31j":
            return .iconv("CP932")
        case "big5", "big-5", "x-big5", "cn-big5", "big5-hkscs":
            return .iconv("BIG5-HKSCS")
        case "iso-8859-8-i", "iso-8859-8-e", "logical", "visual":
            return .iconv("ISO-8859-8")
        case "iso-8859-6-i", "iso-8859-6-e", "asmo-708", "arabic", "iso_8859-6", "iso8859-6":
            return .iconv("ISO-8859-6")
        case "utf-16", "utf16":
            return .iconv("UTF-16")
        case "utf-7", "utf7", "unicode-1-1-utf-7", "x-unicode-2-0-utf-7":
            return .iconv("UTF-7")
        default:
            break
        }
        if let rest = dropPrefix(of: name, ["windows-", "win-", "x-cp", "cp-", "cp", "ms-"]),
           rest.count == 4, rest.hasPrefix("125"), rest.allSatisfy(\.isNumber) {
            return .iconv("CP" + rest)
        }
        return .iconv(name.uppercased())
    }

    private static func dropPrefix(of name: String, _ prefixes: [String]) -> String? {
        for p in prefixes where name.hasPrefix(p) { return String(name.dropFirst(p.count)) }
        return nil
    }

    private static func isStatefulASCIIEscaped(_ iconvName: String) -> Bool {
        // ISO-2022 and UTF-7 carry non-ASCII text in pure ASCII bytes.
        iconvName.hasPrefix("ISO-2022") || iconvName.hasPrefix("UTF-7") || iconvName.hasPrefix("UTF-16")
            || iconvName.hasPrefix("UTF-32") || iconvName.hasPrefix("UCS") || iconvName.hasPrefix("HZ")
    }

    private static func decodeFallback(_ bytes: UnsafeBufferPointer<UInt8>, _ fallback: String?) -> String {
        if let fallback {
            let k = kind(for: fallback)
            if case .iconv = k { return decode(bytes, kind: k) }
        }
        return windows1252(bytes)
    }

    /// Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence.
    static func containsValidMultibyteUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default:
                i += 1
                continue
            }
            if i + length <= n, (1..<length).allSatisfy({ bytes[i + $0] & 0xC0 == 0x80 }) { return true }
            i += 1
        }
        return false
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b >= 0x80 { return false }
        return true
    }

    static func utf8IfValid(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// windows-1252 bytes 0x80–0x9F; the rest of the upper half is ISO-8859-1, i.e. the code point itself.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func windows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes {
            let value: UInt32 = (b >= 0x80 && b < 0xA0) ? windows1252High[Int(b - 0x80)] : UInt32(b)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
