/// A lenient RFC 5322 address-list parser: display names with quoted strings (commas inside), encoded
/// words, comments (and the comment-as-name form), angle addresses with obsolete routes, and groups.
enum AddressListParser {
    static func parse(_ raw: ArraySlice<UInt8>) -> [EmailAddress] {
        var result: [EmailAddress] = []
        var item = Item()
        var i = raw.startIndex
        let end = raw.endIndex
        while i < end {
            let b = raw[i]
            switch b {
            case ASCII.quote:
                i += 1
                while i < end, raw[i] != ASCII.quote {
                    if raw[i] == ASCII.backslash, i + 1 < end { i += 1 }
                    // Quoted text is kept as written (only line breaks from folding go).
                    if raw[i] != ASCII.cr, raw[i] != ASCII.lf { item.phrase.append(raw[i]) }
                    item.bare.append(raw[i])
                    i += 1
                }
                item.quoted = true
                i += 1
                continue
            case ASCII.lparen:
                var depth = 1
                var comment: [UInt8] = []
                i += 1
                while i < end {
                    let c = raw[i]
                    if c == ASCII.backslash, i + 1 < end {
                        comment.append(raw[i + 1])
                        i += 2
                        continue
                    }
                    if c == ASCII.lparen { depth += 1 }
                    if c == ASCII.rparen {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    comment.append(c)
                    i += 1
                }
                item.comments.append(comment)
                item.appendPhraseSpace()
                i += 1
                continue
            case ASCII.less:
                var angle: [UInt8] = []
                i += 1
                while i < end, raw[i] != ASCII.greater {
                    if !ASCII.isWhitespace(raw[i]) { angle.append(raw[i]) }
                    i += 1
                }
                if item.angle == nil { item.angle = angle }
                i += 1
                continue
            case ASCII.comma, ASCII.semicolon:
                if let address = item.finish() { result.append(address) }
                item = Item()
            case ASCII.colon where item.angle == nil && !item.bare.contains(ASCII.at):
                // A group ("Undisclosed recipients:" / "team: a@x, b@y;"): drop the group name.
                item = Item()
            default:
                if item.angle == nil {
                    if ASCII.isWhitespace(b) {
                        item.appendPhraseSpace()
                    } else {
                        item.phrase.append(b)
                    }
                    item.bare.append(b)
                }
            }
            i += 1
        }
        if let address = item.finish() { result.append(address) }
        return result
    }

    private struct Item {
        var phrase: [UInt8] = []
        var bare: [UInt8] = []
        var angle: [UInt8]?
        var comments: [[UInt8]] = []
        var quoted = false

        /// Unquoted whitespace in a phrase collapses to one space, as in Python's parser.
        mutating func appendPhraseSpace() {
            if let last = phrase.last, last != ASCII.space { phrase.append(ASCII.space) }
        }

        func finish() -> EmailAddress? {
            let commentName = comments.lazy.compactMap { AddressListParser.decodePhrase($0[...]) }.first
            if var angle {
                // Obsolete source route: <@relay1,@relay2:user@example>.
                if angle.first == ASCII.at, let colon = angle.firstIndex(of: ASCII.colon) {
                    angle = Array(angle[(colon + 1)...])
                }
                let name = AddressListParser.decodePhrase(phrase[...]) ?? commentName
                let address = String(decoding: angle, as: UTF8.self)
                if address.isEmpty, name == nil { return nil }
                return EmailAddress(name: name, address: address)
            }
            let trimmed = ASCII.trimmed(bare[...])
            if trimmed.isEmpty { return nil }
            let hasInnerSpace = trimmed.contains(where: ASCII.isWhitespace)
            if !trimmed.contains(ASCII.at), hasInnerSpace || quoted {
                // Only a name, no address at all.
                return EmailAddress(name: AddressListParser.decodePhrase(trimmed), address: "")
            }
            let address = String(decoding: trimmed.filter { !ASCII.isWhitespace($0) }, as: UTF8.self)
            return EmailAddress(name: commentName, address: address)
        }
    }

    /// Decodes a display name: encoded words decoded, trimmed; `nil` when empty.
    static func decodePhrase(_ bytes: ArraySlice<UInt8>) -> String? {
        let decoded = EncodedWordDecoder.decodeUnstructured(bytes)
        return decoded.isEmpty ? nil : decoded
    }
}
