/// A `Content-Type` or `Content-Disposition` value: the main token and its parameters.
///
/// Parameters are decoded: quoted strings unquoted, RFC 2231 continuations (`name*0*=`, `name*1=` …)
/// joined as *bytes* before the charset is applied (senders split inside multi-byte characters), and
/// RFC 2047 words inside quoted values (Thunderbird and Outlook write `name="=?UTF-8?B?…?="`) decoded.
struct MIMEHeaderValue: Equatable {
    /// Lower-cased, without whitespace or comments: `text/plain`, `attachment`.
    var value: String
    /// Decoded parameters keyed by lower-cased name.
    var parameters: [String: String]

    init(value: String, parameters: [String: String] = [:]) {
        self.value = value
        self.parameters = parameters
    }

    static func parse(_ raw: ArraySlice<UInt8>) -> MIMEHeaderValue {
        var i = raw.startIndex
        let end = raw.endIndex
        var main: [UInt8] = []
        var depth = 0
        while i < end, raw[i] != ASCII.semicolon || depth > 0 {
            let b = raw[i]
            if b == ASCII.lparen {
                depth += 1
            } else if b == ASCII.rparen, depth > 0 {
                depth -= 1
            } else if depth == 0, !ASCII.isWhitespace(b), b != ASCII.quote {
                main.append(ASCII.lower(b))
            }
            i += 1
        }
        var result = MIMEHeaderValue(value: String(decoding: main, as: UTF8.self))
        result.parameters = decodeParameters(rawParameters(raw[i...]))
        return result
    }

    struct RawParameter {
        var name: String
        var value: [UInt8]
    }

    static func rawParameters(_ raw: ArraySlice<UInt8>) -> [RawParameter] {
        var params: [RawParameter] = []
        var i = raw.startIndex
        let end = raw.endIndex
        while i < end {
            while i < end, ASCII.isWhitespace(raw[i]) || raw[i] == ASCII.semicolon { i += 1 }
            guard i < end else { break }
            let nameStart = i
            while i < end, raw[i] != ASCII.equals, raw[i] != ASCII.semicolon { i += 1 }
            let nameBytes = ASCII.trimmed(raw[nameStart..<i])
            guard i < end, raw[i] == ASCII.equals else { continue }
            i += 1
            while i < end, ASCII.isBlank(raw[i]) { i += 1 }
            var value: [UInt8] = []
            if i < end, raw[i] == ASCII.quote {
                i += 1
                while i < end, raw[i] != ASCII.quote {
                    if raw[i] == ASCII.backslash, i + 1 < end {
                        i += 1
                    }
                    value.append(raw[i])
                    i += 1
                }
                if i < end { i += 1 }
                // Anything between the closing quote and the next ';' is junk.
                while i < end, raw[i] != ASCII.semicolon { i += 1 }
            } else {
                let valueStart = i
                while i < end, raw[i] != ASCII.semicolon { i += 1 }
                var token = ASCII.trimmed(raw[valueStart..<i])
                // A missing ';' between parameters (`charset=utf-8 format=flowed`): cut the token at the
                // whitespace before the next `name=` and parse from there.
                if let cut = nextParameterStart(token) {
                    i = cut
                    token = ASCII.trimmed(raw[valueStart..<cut])
                }
                value = Array(token)
            }
            let name = ASCII.lowercasedString(nameBytes.filter { !ASCII.isWhitespace($0) })
            if !name.isEmpty { params.append(RawParameter(name: name, value: value)) }
        }
        return params
    }

    private static func nextParameterStart(_ token: ArraySlice<UInt8>) -> Int? {
        var i = token.startIndex
        while i < token.endIndex {
            if ASCII.isWhitespace(token[i]) {
                var j = i
                while j < token.endIndex, ASCII.isWhitespace(token[j]) { j += 1 }
                let nameStart = j
                while j < token.endIndex, isNameByte(token[j]) { j += 1 }
                if j > nameStart, j < token.endIndex, token[j] == ASCII.equals { return nameStart }
                i = j
            } else {
                i += 1
            }
        }
        return nil
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || ASCII.isDigit(b) || b == ASCII.hyphen
            || b == 0x2A || b == ASCII.underscore || b == 0x2E
    }

    static func decodeParameters(_ raw: [RawParameter]) -> [String: String] {
        var plain: [String: String] = [:]
        var sections: [String: [(index: Int, extended: Bool, bytes: [UInt8])]] = [:]
        for param in raw {
            guard let star = param.name.firstIndex(of: "*") else {
                if plain[param.name] == nil { plain[param.name] = decodePlainValue(param.value) }
                continue
            }
            let base = String(param.name[..<star])
            let rest = param.name[param.name.index(after: star)...]
            var extended = false
            var digits = Substring(rest)
            if digits.hasSuffix("*") {
                extended = true
                digits = digits.dropLast()
            }
            let index: Int
            if digits.isEmpty {
                // `name*=` is a single extended value.
                extended = true
                index = 0
            } else if let n = Int(digits), n >= 0, n < 10_000 {
                index = n
            } else {
                continue
            }
            sections[base, default: []].append((index, extended, param.value))
        }
        var result = plain
        for (name, parts) in sections {
            let ordered = parts.sorted { $0.index < $1.index }
            var charset: String?
            var bytes: [UInt8] = []
            var seen = Set<Int>()
            for (n, part) in ordered.enumerated() where seen.insert(part.index).inserted {
                var value = part.bytes[...]
                if part.extended, n == 0 {
                    // charset'language'value; tolerate a missing language or missing quotes.
                    if let q1 = value.firstIndex(of: 0x27),
                       let q2 = value[(q1 + 1)...].firstIndex(of: 0x27) {
                        charset = String(decoding: value[value.startIndex..<q1], as: UTF8.self)
                        value = value[(q2 + 1)...]
                    }
                }
                if part.extended {
                    bytes.append(contentsOf: percentDecode(value))
                } else {
                    bytes.append(contentsOf: value)
                }
            }
            let text: String
            if let charset, !charset.isEmpty {
                text = CharsetDecoder.decode(bytes, charset: charset)
            } else if bytes.contains(ASCII.equals), bytes.contains(ASCII.question) {
                text = EncodedWordDecoder.decodeUnstructured(bytes[...])
            } else {
                text = ASCII.headerString(bytes)
            }
            result[name] = TextNormalizer.nfcIfDecomposed(text)
        }
        return result
    }

    private static func decodePlainValue(_ value: [UInt8]) -> String {
        if value.contains(ASCII.question), value.contains(ASCII.equals) {
            return EncodedWordDecoder.decodeUnstructured(value[...])
        }
        return TextNormalizer.nfcIfDecomposed(ASCII.headerString(value))
    }

    static func percentDecode(_ value: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(value.count)
        var i = value.startIndex
        while i < value.endIndex {
            if value[i] == 0x25, i + 2 < value.endIndex,
               let hi = ASCII.hexValue(value[i + 1]), let lo = ASCII.hexValue(value[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(value[i])
                i += 1
            }
        }
        return out
    }
}
