/// IRCv3 message-tags escaping and the tag section grammar.
enum IRCTagCoding {
    /// Splits `key=value;key2;key3=` into a dictionary. Empty keys are skipped; a repeated key keeps its
    /// last value, as the specification asks.
    static func parseTags(_ bytes: ArraySlice<UInt8>) -> [String: String] {
        var tags: [String: String] = [:]
        for item in bytes.split(separator: ASCII.semicolon, omittingEmptySubsequences: true) {
            let keyEnd = item.firstIndex(of: ASCII.equals) ?? item.endIndex
            guard keyEnd > item.startIndex else { continue }
            let key = String(decoding: item[item.startIndex..<keyEnd], as: UTF8.self)
            let rawValue = keyEnd < item.endIndex ? item[(keyEnd + 1)...] : []
            tags[key] = unescape(rawValue)
        }
        return tags
    }

    /// Unescapes one value byte by byte, so that `\\n` reads as a backslash and `n`, never as LF.
    static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            guard byte == ASCII.backslash else {
                output.append(byte)
                continue
            }
            // A lone trailing backslash is dropped.
            guard let escaped = iterator.next() else { break }
            switch escaped {
            case UInt8(ascii: ":"): output.append(ASCII.semicolon)
            case UInt8(ascii: "s"): output.append(ASCII.space)
            case UInt8(ascii: "\\"): output.append(ASCII.backslash)
            case UInt8(ascii: "r"): output.append(ASCII.cr)
            case UInt8(ascii: "n"): output.append(ASCII.lf)
            default: output.append(escaped)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func escape(_ value: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            switch byte {
            case ASCII.semicolon: output.append(contentsOf: [ASCII.backslash, UInt8(ascii: ":")])
            case ASCII.space: output.append(contentsOf: [ASCII.backslash, UInt8(ascii: "s")])
            case ASCII.backslash: output.append(contentsOf: [ASCII.backslash, ASCII.backslash])
            case ASCII.cr: output.append(contentsOf: [ASCII.backslash, UInt8(ascii: "r")])
            case ASCII.lf: output.append(contentsOf: [ASCII.backslash, UInt8(ascii: "n")])
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `[+][vendor/]name`, where vendor and name use letters, digits, `-` and `.` (vendor is a host name).
    static func isValidKey(_ key: String) -> Bool {
        var bytes = Substring(key).utf8[...]
        if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { ASCII.isLetter($0) || ASCII.isDigit($0) || $0 == 0x2D || $0 == 0x2E }
        }
    }
}
