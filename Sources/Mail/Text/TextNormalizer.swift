import Foundation

/// Small, linear passes over decoded text.
enum TextNormalizer {
    /// NFC, but only when the text holds combining diacritics (U+0300–U+036F): windows-1258 and
    /// macOS-composed mail decode to base letters plus combining tone marks, while everything else is
    /// already composed and is left alone (normalising 10 MB of ASCII costs time for nothing).
    static func nfcIfDecomposed(_ s: String) -> String {
        var found = false
        var previousWasLead = false
        for b in s.utf8 {
            // U+0300–U+036F are encoded as CC 80–CD AF.
            if previousWasLead, b >= 0x80, b <= 0xBF {
                found = true
                break
            }
            previousWasLead = b == 0xCC || b == 0xCD
        }
        guard found else { return s }
        return s.precomposedStringWithCanonicalMapping
    }

    /// CRLF and lone CR become LF, a leading byte-order mark is dropped, and whitespace at the very end
    /// is removed. Everything else is kept exactly, including trailing spaces inside the text.
    static func bodyText(_ s: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var previousCR = false
        for b in s.utf8 {
            if b == ASCII.cr {
                bytes.append(ASCII.lf)
                previousCR = true
                continue
            }
            if b == ASCII.lf, previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            bytes.append(b)
        }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        var end = bytes.count
        while end > start {
            let b = bytes[end - 1]
            if ASCII.isWhitespace(b) {
                end -= 1
            } else if end - start >= 2, b == 0xA0, bytes[end - 2] == 0xC2 {
                end -= 2  // U+00A0
            } else {
                break
            }
        }
        return nfcIfDecomposed(String(decoding: bytes[start..<end], as: UTF8.self))
    }
}
