extension ParsedEmail {
    /// The `switchboard parse-email` output: one JSON object with exactly the contract's fields, in the
    /// contract's order, snake_case, `null` for absent values, message ids without angle brackets, and
    /// `lang` as a BCP 47 tag (`und` when unknown). Non-ASCII text is written as UTF-8, not escaped.
    public func contractJSON() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + newText.utf8.count + 1024)
        var first = true
        func key(_ name: StaticString) {
            out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            first = false
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }
        func array(_ items: [String]) {
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.appendJSON(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        key("from_address"); Self.appendJSON(fromAddress, to: &out)
        key("from_name"); Self.appendJSON(fromName, to: &out)
        key("reply_to"); Self.appendJSON(replyTo, to: &out)
        key("subject"); Self.appendJSON(subject, to: &out)
        key("message_id"); Self.appendJSON(messageID, to: &out)
        key("in_reply_to"); Self.appendJSON(inReplyTo, to: &out)
        key("references"); array(references)
        key("is_auto_reply"); out.append(contentsOf: (isAutoReply ? "true" : "false").utf8)
        key("auto_reply_reason"); Self.appendJSON(autoReplyReason, to: &out)
        key("text"); Self.appendJSON(text, to: &out)
        key("new_text"); Self.appendJSON(newText, to: &out)
        key("attachments")
        out.append(UInt8(ascii: "["))
        for (i, a) in attachments.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: "{\"filename\":".utf8)
            Self.appendJSON(a.filename, to: &out)
            out.append(contentsOf: ",\"content_type\":".utf8)
            Self.appendJSON(a.contentType, to: &out)
            out.append(contentsOf: ",\"size\":\(a.size)}".utf8)
        }
        out.append(UInt8(ascii: "]"))
        key("lang"); Self.appendJSON(lang ?? "und", to: &out)
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a JSON string literal, escaping on the UTF-8 bytes (quotes, backslash, control characters,
    /// and U+2028/U+2029, which some JavaScript consumers choke on).
    static func appendJSON(_ value: String?, to out: inout [UInt8]) {
        guard let value else {
            out.append(contentsOf: "null".utf8)
            return
        }
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        let utf8 = Array(value.utf8)
        utf8.withUnsafeBufferPointer { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), b])
                case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), b])
                case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0x00..<0x20:
                    out.append(contentsOf: Array("\\u00".utf8))
                    out.append(hex[Int(b >> 4)])
                    out.append(hex[Int(b & 0xF)])
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    out.append(contentsOf: Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                    i += 2
                default:
                    out.append(b)
                }
                i += 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
