/// RFC 2047 encoded words (`=?charset?B|Q?text?=`) inside header text.
///
/// Consecutive encoded words in the same charset are joined as bytes before charset decoding, because
/// senders split multi-byte characters across words; whitespace between two encoded words is dropped,
/// whitespace between an encoded word and plain text is kept. Raw 8-bit text outside encoded words is read
/// as UTF-8, or as windows-1252 when it is not valid UTF-8.
enum EncodedWordDecoder {
    /// Decodes unstructured header text (Subject, a display name after unquoting …). Line breaks are
    /// removed, tabs become spaces, and the result is trimmed.
    static func decodeUnstructured(_ raw: ArraySlice<UInt8>) -> String {
        var state = State()
        var i = raw.startIndex
        let end = raw.endIndex
        while i < end {
            let b = raw[i]
            if b == ASCII.equals, i + 1 < end, raw[i + 1] == ASCII.question, let word = parseWord(raw, at: i) {
                if state.lastWasWord, state.heldWhitespace.allSatisfy(ASCII.isWhitespace) {
                    state.heldWhitespace.removeAll(keepingCapacity: true)
                } else {
                    state.flushWord()
                    state.plain.append(contentsOf: state.heldWhitespace)
                    state.heldWhitespace.removeAll(keepingCapacity: true)
                    state.flushPlain()
                }
                state.appendWord(word)
                i = word.end
                continue
            }
            if b == ASCII.cr || b == ASCII.lf {
                i += 1
                continue
            }
            let byte = b == ASCII.tab ? ASCII.space : b
            if state.lastWasWord, ASCII.isBlank(byte) {
                state.heldWhitespace.append(byte)
            } else {
                if state.lastWasWord {
                    state.flushWord()
                    state.plain.append(contentsOf: state.heldWhitespace)
                    state.heldWhitespace.removeAll(keepingCapacity: true)
                    state.lastWasWord = false
                }
                state.plain.append(byte)
            }
            i += 1
        }
        state.flushWord()
        state.plain.append(contentsOf: state.heldWhitespace)
        state.flushPlain()
        return TextNormalizer.nfcIfDecomposed(state.output.trimmingWhitespace())
    }

    /// The charsets named by the encoded words in some header text, in order.
    static func charsets(in raw: ArraySlice<UInt8>) -> [String] {
        var result: [String] = []
        var i = raw.startIndex
        while i + 1 < raw.endIndex {
            if raw[i] == ASCII.equals, raw[i + 1] == ASCII.question, let word = parseWord(raw, at: i) {
                result.append(word.charset)
                i = word.end
            } else {
                i += 1
            }
        }
        return result
    }

    struct Word {
        var charset: String
        var bytes: [UInt8]
        var end: Int
    }

    /// Parses one encoded word starting at `start` (which holds `=?`), or returns `nil` if it is not one.
    static func parseWord(_ raw: ArraySlice<UInt8>, at start: Int) -> Word? {
        let end = raw.endIndex
        var i = start + 2
        let charsetStart = i
        while i < end, raw[i] != ASCII.question {
            let c = raw[i]
            if c <= 0x20 || c >= 0x7F || i - charsetStart > 40 { return nil }
            i += 1
        }
        guard i < end, i > charsetStart else { return nil }
        let charset = String(decoding: raw[charsetStart..<i], as: UTF8.self)
        i += 1
        guard i + 1 < end, raw[i + 1] == ASCII.question else { return nil }
        let encoding = ASCII.lower(raw[i])
        guard encoding == 0x62 || encoding == 0x71 else { return nil }  // b, q
        i += 2
        let textStart = i
        while i < end, raw[i] != ASCII.question {
            if ASCII.isWhitespace(raw[i]) { return nil }
            i += 1
        }
        guard i + 1 < end, raw[i + 1] == ASCII.equals else { return nil }
        let text = raw[textStart..<i]
        let bytes = encoding == 0x62 ? Base64Decoding.decode(text) : QuotedPrintable.decodeEncodedWordText(text)
        return Word(charset: charset, bytes: bytes, end: i + 2)
    }

    private struct State {
        var output = ""
        var plain: [UInt8] = []
        var heldWhitespace: [UInt8] = []
        var wordCharset: String?
        var wordBytes: [UInt8] = []
        var lastWasWord = false

        mutating func appendWord(_ word: Word) {
            if let current = wordCharset, current.lowercased() != word.charset.lowercased() {
                flushWord()
            }
            wordCharset = word.charset
            wordBytes.append(contentsOf: word.bytes)
            lastWasWord = true
        }

        mutating func flushWord() {
            guard let charset = wordCharset else { return }
            var text = CharsetDecoder.decode(wordBytes, charset: charset)
            text = text.replacingControlWhitespace()
            output += text
            wordCharset = nil
            wordBytes.removeAll(keepingCapacity: true)
        }

        mutating func flushPlain() {
            guard !plain.isEmpty else { return }
            output += ASCII.headerString(plain)
            plain.removeAll(keepingCapacity: true)
        }
    }
}
