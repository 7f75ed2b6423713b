import Foundation

/// Straightforward decoders written from the RFCs, independent of the encoders under test, so that a
/// round trip checks the encoders against the specification rather than against themselves.
enum ReferenceDecoders {
    /// RFC 5321 §4.5.2, receiver side: drop the first dot of every line that starts with one.
    static func unstuff(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var atLineStart = true
        for byte in bytes {
            if atLineStart && byte == UInt8(ascii: ".") {
                atLineStart = false
                continue
            }
            output.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        return output
    }

    /// RFC 2045 §6.7 decoding: `=XX`, soft breaks `=\r\n`, hard CRLF kept.
    static func quotedPrintable(_ bytes: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "=") {
                guard index + 2 < bytes.count else { return nil }
                if bytes[index + 1] == UInt8(ascii: "\r") && bytes[index + 2] == UInt8(ascii: "\n") {
                    index += 3
                    continue
                }
                guard let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) else { return nil }
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// RFC 2047 for UTF-8 `B` words: decodes encoded-words, drops whitespace between adjacent ones,
    /// keeps everything else.
    static func encodedWords(_ text: String) -> String? {
        let tokens = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var output = ""
        var previousWasEncoded = false
        for (index, token) in tokens.enumerated() {
            if token.hasPrefix("=?UTF-8?B?") && token.hasSuffix("?=") {
                let payload = token.dropFirst(10).dropLast(2)
                guard let data = Data(base64Encoded: String(payload)), let decoded = String(data: data, encoding: .utf8) else { return nil }
                if index > 0 && !previousWasEncoded { output += " " }
                output += decoded
                previousWasEncoded = true
            } else {
                if index > 0 { output += " " }
                output += token
                previousWasEncoded = false
            }
        }
        return output
    }

    /// Undoes RFC 5322 folding: CRLF followed by whitespace.
    static func unfold(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: "\t")
    }
}
