import Foundation

/// RFC 2047 encoded-words, for the parts of a header that are not plain ASCII: subjects and display
/// names in Arabic, Thai, Vietnamese and the rest.
///
/// Always the `B` (base64) form: for non-Latin scripts it is shorter than `Q`, and unlike `Q` it needs
/// no separate rules for phrases. Words are split between characters, never inside one, so that each
/// decodes on its own (RFC 2047 §5), and each stays within the 75-character limit.
enum EncodedWordEncoder {
    /// 45 octets → 60 base64 characters → a 72-character word with `=?UTF-8?B?` and `?=`.
    static let maximumOctetsPerWord = 45
    static let prefix = "=?UTF-8?B?"
    static let suffix = "?="
    /// An ASCII word longer than this is encoded too, so that a header line never passes 998 octets.
    static let maximumPlainWordOctets = 900

    /// The encoded-words for `text`, in order. Readers join adjacent encoded-words without the space
    /// between them, so the text, spaces included, comes back exactly.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        func flush() {
            if !chunk.isEmpty { words.append(prefix + Data(chunk).base64EncodedString() + suffix) }
            chunk.removeAll(keepingCapacity: true)
        }
        for character in text {
            let bytes = Array(character.utf8)
            if bytes.count > maximumOctetsPerWord {
                // A very long grapheme (emoji sequences): fall back to scalar boundaries.
                for scalar in character.unicodeScalars {
                    let scalarBytes = Array(String(scalar).utf8)
                    if chunk.count + scalarBytes.count > maximumOctetsPerWord { flush() }
                    chunk += scalarBytes
                }
                continue
            }
            if chunk.count + bytes.count > maximumOctetsPerWord { flush() }
            chunk += bytes
        }
        flush()
        return words
    }

    /// Tokens for an unstructured field (Subject, extra headers): ASCII words stay readable, and each run
    /// of words that need encoding becomes encoded-words. A plain word next to an encoded one keeps its
    /// space, so `Re: مرحبا [#42]` reads back exactly and `[#42]` stays visible to simple filters.
    static func unstructuredTokens(_ text: String) -> [String] {
        let words = sanitized(text).split(separator: " ").map(String.init)
        var tokens: [String] = []
        var run: [String] = []
        for word in words {
            if needsEncoding(word) {
                run.append(word)
            } else {
                if !run.isEmpty { tokens += encodedWords(run.joined(separator: " ")) }
                run.removeAll()
                tokens.append(word)
            }
        }
        if !run.isEmpty { tokens += encodedWords(run.joined(separator: " ")) }
        return tokens
    }

    /// Tokens for a display name: plain atoms when the name allows it, one quoted-string when it has
    /// specials such as `.` or `,`, encoded-words when it is not ASCII (an encoded-word cannot sit inside
    /// quotes, RFC 2047 §5).
    static func phraseTokens(_ name: String) -> [String] {
        let clean = sanitized(name).split(separator: " ").joined(separator: " ")
        guard !clean.isEmpty else { return [] }
        if clean.utf8.contains(where: { $0 >= 0x80 }) || clean.contains("=?") || clean.utf8.count > maximumPlainWordOctets {
            return encodedWords(clean)
        }
        let words = clean.split(separator: " ")
        if words.allSatisfy({ $0.utf8.allSatisfy(ASCIIBytes.isAtext) }) {
            return words.map(String.init)
        }
        var quoted = "\""
        for character in clean {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        quoted.append("\"")
        return [quoted]
    }

    static func needsEncoding(_ word: String) -> Bool {
        word.utf8.contains(where: { $0 >= 0x80 }) || word.contains("=?") || word.utf8.count > maximumPlainWordOctets
    }

    /// Header text may not contain line breaks (they would start a new header: injection) or other
    /// control characters; they become spaces, and runs of whitespace collapse to one.
    static func sanitized(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let isSpace = scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.isWhitespace
                || (0x80...0x9F).contains(scalar.value)
            if isSpace {
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
            } else {
                scalars.append(scalar)
                lastWasSpace = false
            }
        }
        var result = String(scalars)
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}
