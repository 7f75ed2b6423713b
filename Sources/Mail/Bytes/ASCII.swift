/// Byte-level helpers shared by the parsers. Mail is parsed as bytes, not as `String`, because most of a
/// message is ASCII structure around payloads whose charset is only known after the headers are read.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let lparen: UInt8 = 0x28
    static let rparen: UInt8 = 0x29
    static let comma: UInt8 = 0x2C
    static let hyphen: UInt8 = 0x2D
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let less: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let greater: UInt8 = 0x3E
    static let question: UInt8 = 0x3F
    static let at: UInt8 = 0x40
    static let backslash: UInt8 = 0x5C
    static let underscore: UInt8 = 0x5F

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 {
        (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
    }

    /// Space or tab: the whitespace that may fold a header or pad a boundary line.
    @inline(__always)
    static func isBlank(_ b: UInt8) -> Bool {
        b == space || b == tab
    }

    @inline(__always)
    static func isWhitespace(_ b: UInt8) -> Bool {
        b == space || b == tab || b == lf || b == cr || b == 0x0B || b == 0x0C
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool {
        b >= 0x30 && b <= 0x39
    }

    @inline(__always)
    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }

    /// Lower-cased ASCII text of some bytes; non-ASCII bytes are kept, so the result is only meant for
    /// comparing tokens such as header names, media types and charset labels.
    static func lowercasedString<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        // Written straight into the String (in place for the short tokens this is for), without the
        // temporary array a `map` would allocate for every tag or header name; invalid UTF-8 is
        // repaired as `String(decoding:as:)` repairs it.
        String(unsafeUninitializedCapacity: bytes.count) { out in
            var n = 0
            for b in bytes {
                out[n] = lower(b)
                n += 1
            }
            return n
        }
    }

    /// Trims spaces, tabs and line breaks from both ends of a byte slice.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lo = bytes.startIndex
        var hi = bytes.endIndex
        while lo < hi, isWhitespace(bytes[lo]) { lo += 1 }
        while hi > lo, isWhitespace(bytes[hi - 1]) { hi -= 1 }
        return bytes[lo..<hi]
    }

    /// Decodes header-ish bytes as UTF-8 when they are valid UTF-8, otherwise as windows-1252, so raw 8-bit
    /// text in headers never turns into replacement characters when a legacy single-byte charset was used.
    static func headerString<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var allASCII = true
        for b in bytes where b >= 0x80 {
            allASCII = false
            break
        }
        if allASCII { return String(decoding: bytes, as: UTF8.self) }
        let array = Array(bytes)
        if let s = String(validating: array, as: UTF8.self) { return s }
        return CharsetDecoder.decode(array, charset: "windows-1252")
    }
}
