import Foundation

/// Small, linear passes over decoded text, on its UTF-8 bytes.
enum TextNormalizer {
    /// NFC, but only when the text holds combining diacritics (U+0300–U+036F): windows-1258 and
    /// macOS-composed mail decode to base letters plus combining tone marks, while everything else is
    /// already composed and is left alone (normalising 10 MB of ASCII costs time for nothing).
    static func nfcIfDecomposed(_ s: String) -> String {
        var s = s
        guard s.withUTF8(hasCombiningDiacritic) else { return s }
        return s.precomposedStringWithCanonicalMapping
    }

    /// U+0300–U+036F are encoded as CC 80–CD AF: a CC or CD lead byte followed by a continuation byte.
    private static func hasCombiningDiacritic(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasLead = false
        for b in bytes {
            if previousWasLead, b >= 0x80, b <= 0xBF { return true }
            previousWasLead = b == 0xCC || b == 0xCD
        }
        return false
    }

    /// CRLF and lone CR become LF, a leading byte-order mark is dropped, and whitespace at the very end
    /// is removed. Everything else is kept exactly, including trailing spaces inside the text.
    static func bodyText(_ s: String) -> String {
        var native = s
        let changed = native.withUTF8 { bytes -> String? in
            var from = 0
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { from = 3 }
            let rest = UnsafeBufferPointer(rebasing: bytes[from...])
            if !rest.contains(ASCII.cr), trailingTrimmed(rest) == rest.count {
                return from == 0 ? nil : String(decoding: rest, as: UTF8.self)
            }
            // Only ASCII bytes are replaced or dropped, and only whole scalars are trimmed, so the output
            // is valid UTF-8 whenever the input is.
            return String(unsafeUninitializedCapacity: rest.count) { out in
                var n = 0
                var previousCR = false
                for b in rest {
                    if b == ASCII.cr {
                        out[n] = ASCII.lf
                        n += 1
                        previousCR = true
                    } else if b == ASCII.lf, previousCR {
                        previousCR = false
                    } else {
                        previousCR = false
                        out[n] = b
                        n += 1
                    }
                }
                return trailingTrimmed(UnsafeBufferPointer(rebasing: out[..<n]))
            }
        }
        return nfcIfDecomposed(changed ?? s)
    }

    /// The length of `bytes` without trailing ASCII whitespace and no-break spaces (C2 A0).
    private static func trailingTrimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = bytes.count
        while end > 0 {
            let b = bytes[end - 1]
            if ASCII.isWhitespace(b) {
                end -= 1
            } else if end >= 2, b == 0xA0, bytes[end - 2] == 0xC2 {
                end -= 2  // U+00A0
            } else {
                break
            }
        }
        return end
    }
}
