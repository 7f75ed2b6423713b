/// Message ids from `Message-ID`, `In-Reply-To` and `References`.
enum MessageIDList {
    /// Every `<id>` in order, brackets and whitespace removed. Comments are skipped; tokens without
    /// brackets are ignored.
    static func bracketed(_ raw: ArraySlice<UInt8>) -> [String] {
        var ids: [String] = []
        var i = raw.startIndex
        let end = raw.endIndex
        while i < end {
            let b = raw[i]
            if b == ASCII.lparen {
                var depth = 1
                i += 1
                while i < end, depth > 0 {
                    if raw[i] == ASCII.backslash { i += 1 }
                    else if raw[i] == ASCII.lparen { depth += 1 }
                    else if raw[i] == ASCII.rparen { depth -= 1 }
                    i += 1
                }
                continue
            }
            if b == ASCII.less {
                var id: [UInt8] = []
                i += 1
                while i < end, raw[i] != ASCII.greater, raw[i] != ASCII.less {
                    if !ASCII.isWhitespace(raw[i]) { id.append(raw[i]) }
                    i += 1
                }
                if i < end, raw[i] == ASCII.greater, !id.isEmpty {
                    ids.append(ASCII.headerString(id))
                }
                if i < end, raw[i] == ASCII.greater { i += 1 }
                continue
            }
            i += 1
        }
        return ids
    }

    /// The Message-ID: the first `<id>`, or, when the brackets are missing, the first token.
    static func messageID(_ raw: ArraySlice<UInt8>) -> String? {
        if let first = bracketed(raw).first { return first }
        let trimmed = ASCII.trimmed(raw)
        guard !trimmed.isEmpty else { return nil }
        var token: [UInt8] = []
        for b in trimmed {
            if ASCII.isWhitespace(b) || b == ASCII.lparen { break }
            if b != ASCII.less && b != ASCII.greater { token.append(b) }
        }
        return token.isEmpty ? nil : ASCII.headerString(token)
    }
}
