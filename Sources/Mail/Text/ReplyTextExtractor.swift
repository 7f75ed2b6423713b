#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Computes `new_text`: what the customer wrote in this message, without quoted history, signature and
/// device taglines.
///
/// The text is read as lines, and the first *quote marker* is located: a `>` line, an attribution
/// ("On … wrote:" in any language, also wrapped over up to three lines), an `----- Original Message -----`
/// or forwarded-message separator, or a quoted header block (`From:` plus at least two of
/// `Sent/Date:`, `To:`, `Cc:`, `Subject:`, in any of the known languages). Text above an attribution,
/// separator or header block is the new text (top-posting); when nothing was written above it, the reply
/// is bottom-posted and the new text is what is outside the quotes below. `>` quotes that no attribution
/// introduces mark an interleaved reply: every line outside the quotes is new. The signature (from a `-- `
/// line) and trailing taglines ("Sent from my iPhone", "Dikirim dari iPhone saya" …) are then removed.
///
/// Everything is decided per line with bounded look-ahead, so the cost is linear in the text.
enum ReplyTextExtractor {
    static func newText(from text: String) -> String {
        extract(lines(of: text)[...], depth: 0)
    }

    /// The text split at every LF (a trailing LF gives a last, empty line), found with `memchr` on the
    /// UTF-8 bytes: splitting a 10 MB String by Character, or even by its UTF-8 view, is needlessly slow.
    static func lines(of text: String) -> [Substring] {
        var native = text
        native.makeContiguousUTF8()
        // Indices of a native string's UTF-8 view are byte offsets, so moving them is O(1).
        let utf8 = native.utf8
        var lines: [Substring] = []
        var lineStart = utf8.startIndex
        native.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while let hit = memchr(base + offset, Int32(ASCII.lf), bytes.count - offset) {
                let lf = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let lineEnd = utf8.index(lineStart, offsetBy: lf - offset)
                lines.append(Substring(utf8[lineStart..<lineEnd]))
                lineStart = utf8.index(after: lineEnd)
                offset = lf + 1
            }
        }
        lines.append(Substring(utf8[lineStart...]))
        return lines
    }

    private enum Marker {
        case quote
        case attribution(span: Int)
        case separator
        case headerBlock(end: Int)
    }

    private static func extract(_ lines: ArraySlice<Substring>, depth: Int) -> String {
        guard let (index, marker) = firstMarker(lines) else {
            return join(cleaned(lines))
        }
        if case .quote = marker {
            // Quoted lines with no attribution before them: an interleaved or bottom-posted reply, where
            // the customer's words are every line outside the quotes (a greeting above included).
            return outsideQuotes(lines, depth: depth)
        }
        let above = cleaned(lines[lines.startIndex..<index])
        if !above.isEmpty { return join(above) }

        switch marker {
        case .quote, .attribution:
            // Nothing above the attribution: bottom-posted, so the new text is below the quote.
            return outsideQuotes(lines[index...], depth: depth)
        case .separator, .headerBlock:
            // A forward (or pasted history) with nothing written above it: what the agent needs to read
            // is the forwarded message itself.
            guard depth < 3 else { return "" }
            var start = index + 1
            if case .headerBlock(let end) = marker { start = end }
            if case .separator = marker, let end = headerBlockEnd(lines, at: skipBlank(lines, from: start)) {
                start = end
            }
            return extract(lines[min(start, lines.endIndex)...], depth: depth + 1)
        }
    }

    /// The lines that are neither quoted nor attributions, read again for later markers and signatures.
    private static func outsideQuotes(_ lines: ArraySlice<Substring>, depth: Int) -> String {
        var kept: [Substring] = []
        var i = lines.startIndex
        while i < lines.endIndex {
            if isQuoteLine(lines[i]) {
                i += 1
                continue
            }
            if let span = attributionSpan(lines, at: i) {
                i += span
                continue
            }
            kept.append(lines[i])
            i += 1
        }
        guard depth < 3 else { return join(cleaned(kept[...])) }
        return extract(kept[...], depth: depth + 1)
    }

    private static func firstMarker(_ lines: ArraySlice<Substring>) -> (Int, Marker)? {
        var i = lines.startIndex
        while i < lines.endIndex {
            let line = lines[i]
            if isQuoteLine(line) { return (i, .quote) }
            if line.utf8.count <= 600 {
                if let span = attributionSpan(lines, at: i) { return (i, .attribution(span: span)) }
                if isSeparator(lines, at: i) { return (i, .separator) }
                if let end = headerBlockEnd(lines, at: i) { return (i, .headerBlock(end: end)) }
            }
            i += 1
        }
        return nil
    }

    // MARK: - Cleaning the new text

    /// Cuts at the signature delimiter, then drops trailing blank lines, rules and taglines, and leading
    /// blank lines.
    private static func cleaned(_ lines: ArraySlice<Substring>) -> ArraySlice<Substring> {
        var end = lines.endIndex
        if let sig = lines.firstIndex(where: isSignatureDelimiter) { end = sig }
        var start = lines.startIndex
        while end > start {
            let line = lines[end - 1]
            if isBlank(line) || isRule(line) || isTagline(line) {
                end -= 1
            } else {
                break
            }
        }
        while start < end, isBlank(lines[start]) { start += 1 }
        return lines[start..<end]
    }

    private static func join(_ lines: ArraySlice<Substring>) -> String {
        guard let first = lines.first, let last = lines.last else { return "" }
        // Consecutive lines of one text (the usual case: no quote was cut out) are already joined there.
        let text = first.base.utf8
        var previous = first
        for line in lines.dropFirst() {
            guard text.distance(from: previous.endIndex, to: line.startIndex) == 1 else {
                return lines.joined(separator: "\n").trimmingWhitespace()
            }
            previous = line
        }
        return Substring(text[first.startIndex..<last.endIndex]).trimmingWhitespace()
    }

    // MARK: - Line classes

    static func isQuoteLine(_ line: Substring) -> Bool {
        withBytes(line) { bytes in
            for b in bytes {
                if b == ASCII.greater { return true }
                if !ASCII.isBlank(b) { return false }
            }
            return false
        }
    }

    static func isBlank(_ line: Substring) -> Bool {
        line.unicodeScalars.allSatisfy { $0.properties.isWhitespace || isInvisible($0) }
    }

    static func isSignatureDelimiter(_ line: Substring) -> Bool {
        guard line.utf8.count <= 6 else { return false }
        let trimmed = String(line).trimmingWhitespace()
        return trimmed == "--" && line.hasPrefix("--")
    }

    /// A line made only of `-`, `_`, `=`, `*` (Outlook's `________________________________`).
    static func isRule(_ line: Substring) -> Bool {
        var count = 0
        for scalar in line.unicodeScalars {
            switch scalar {
            case "-", "_", "=", "*", "—", "–": count += 1
            default:
                if !scalar.properties.isWhitespace { return false }
            }
        }
        return count >= 4
    }

    static func isTagline(_ line: Substring) -> Bool {
        guard line.utf8.count <= 200 else { return false }
        let norm = normalized(line)
        guard !norm.isEmpty, norm.count <= 80 else { return false }
        for prefix in ReplyLexicon.taglinePrefixes where norm.hasPrefix(prefix) { return true }
        for infix in ReplyLexicon.taglineInfixes where norm.contains(infix) { return true }
        return false
    }

    /// A dashed separator naming an original or forwarded message, or a "Begin forwarded message:" line.
    static func isSeparator(_ lines: ArraySlice<Substring>, at i: Int) -> Bool {
        let line = lines[i]
        if isReplyAboveLine(line) { return true }
        guard let first = line.utf8.first(where: { !ASCII.isBlank($0) }),
              first == ASCII.hyphen || first == ASCII.underscore || first == ASCII.equals || first == 0x2A
                || first == 0xE2 || endsWithColon(line) else { return false }
        let trimmed = String(line).trimmingWhitespace()
        guard !trimmed.isEmpty else { return false }
        let framed = trimmed.hasPrefix("--") || trimmed.hasPrefix("__") || trimmed.hasPrefix("==")
            || trimmed.hasPrefix("**") || trimmed.hasPrefix("—")
        let core = normalized(Substring(trimmed.trimming(scalarsIn: "-_=*—–<> :：")))
        guard !core.isEmpty, core.count <= 60 else { return false }
        if framed {
            if ReplyLexicon.separatorPhrases.contains(core) { return true }
            if core.contains("original") || core.contains("forward") { return true }
            // An unknown language: a framed title directly followed by a quoted header block.
            let next = skipBlank(lines, from: i + 1)
            return next < lines.endIndex && headerLabel(lines[next]) == .from && headerBlockEnd(lines, at: next) != nil
        }
        if trimmed.hasSuffix(":") || trimmed.hasSuffix("："), ReplyLexicon.separatorPhrases.contains(core) {
            return core.contains(" ")  // "Begin forwarded message:", not a bare "Original:"
        }
        return false
    }

    /// Helpdesk markers such as "##- Please type your reply above this line -##".
    private static func isReplyAboveLine(_ line: Substring) -> Bool {
        guard line.utf8.count <= 200, line.utf8.contains(0x61), mayNormalizeToContain(line, "above") else { return false }
        let norm = normalized(line)
        return norm.contains("reply above this line") || norm.contains("write above this line")
            || norm.contains("type your response above") || norm.contains("respond above this line")
    }

    /// The label of a `Label: value` line, if it is a known header label.
    static func headerLabel(_ line: Substring) -> ReplyLexicon.Label? {
        guard line.utf8.count <= 1000, hasEarlyColon(line) else { return nil }
        guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let rawLabel = line[line.startIndex..<colon]
        guard rawLabel.count <= 32 else { return nil }
        let label = normalized(Substring(String(rawLabel).trimming(scalarsIn: "*_> ")))
        return ReplyLexicon.labels[label]
    }

    /// The end (exclusive) of a quoted header block starting at `i`: a `From:` (or `Date:`/`Sent:`) line
    /// followed by more header lines, covering From and at least two of Sent/Date, To, Cc, Subject.
    static func headerBlockEnd(_ lines: ArraySlice<Substring>, at i: Int) -> Int? {
        guard i < lines.endIndex, let first = headerLabel(lines[i]), first == .from || first == .sent else { return nil }
        var seen: Set<ReplyLexicon.Label> = [first]
        var end = i + 1
        var j = i + 1
        var unlabeledRun = 0
        while j < lines.endIndex, j < i + 12 {
            let line = lines[j]
            if isBlank(line) { break }
            if let label = headerLabel(line) {
                if seen.contains(label), label == .from { break }
                seen.insert(label)
                end = j + 1
                unlabeledRun = 0
            } else {
                // A wrapped recipient list continues the previous field.
                unlabeledRun += 1
                if unlabeledRun > 2 { break }
            }
            j += 1
        }
        guard seen.contains(.from) else { return nil }
        let others = seen.subtracting([.from]).count
        return others >= 2 ? end : nil
    }

    // MARK: - Attribution lines

    /// The number of lines (1–3) of an attribution line starting at `i`.
    static func attributionSpan(_ lines: ArraySlice<Substring>, at i: Int) -> Int? {
        let first = lines[i]
        guard first.utf8.count <= 400, lines[i..<min(i + 3, lines.endIndex)].contains(where: endsWithColon),
              !isBlank(first) else { return nil }
        let firstNorm = normalized(first)
        let opener = startsWithOpener(firstNorm)
        var joined = firstNorm
        for span in 1...3 {
            if span > 1 {
                let k = i + span - 1
                guard k < lines.endIndex, !isBlank(lines[k]), !isQuoteLine(lines[k]), lines[k].utf8.count <= 300 else { return nil }
                let nextNorm = normalized(lines[k])
                // Only join a wrapped attribution: it starts with an opener, or the wrap split an address
                // or a date.
                let continuesAddress = nextNorm.first.map { "<@".contains($0) } == true
                    || nextNorm.split(separator: " ").first?.contains("@") == true
                    || joined.hasSuffix("<") || joined.hasSuffix("\"")
                guard opener || continuesAddress || hasTime(joined) else { return nil }
                joined += " " + nextNorm
            }
            if isAttribution(joined, opener: opener, followedByQuote: followedByQuote(lines, after: i + span - 1)) {
                return span
            }
            if joined.utf8.count > 500 { return nil }
        }
        return nil
    }

    static func isAttribution(_ norm: String, opener: Bool, followedByQuote: Bool) -> Bool {
        guard norm.hasSuffix(":") || norm.hasSuffix("：") else { return false }
        let body = String(norm.dropLast()).trimmingWhitespace()
        guard !body.isEmpty else { return false }
        let hasAt = body.contains("@")
        let hasDigit = body.unicodeScalars.contains { $0.properties.numericType != nil }
        if endsWithVerb(body) { return hasDigit || hasAt || followedByQuote || opener }
        // Lotus Notes and others: "Name <a@b> wrote on 03/03/2025 10:15:00 AM:".
        if hasAt, hasDigit, ReplyLexicon.verbsBeforeDate.contains(where: { body.contains($0) }) { return true }
        if opener, hasAt { return true }
        // "пн, 3 мар. 2025 г. в 10:15, Name <a@b>:" and other verb-less forms.
        if hasAt, hasDigit, body.hasSuffix(">") || body.hasSuffix(")") { return true }
        return false
    }

    private static func endsWithVerb(_ body: String) -> Bool {
        for verb in ReplyLexicon.attributionVerbs where body.hasSuffix(verb) {
            let before = body.dropLast(verb.count)
            guard let last = before.last else { return false }
            if last == " " || last == ">" || last == ")" || last == "\"" || last == "," { return true }
            // Scripts without spaces between words.
            if let scalar = verb.unicodeScalars.first, scalar.value >= 0x0E00 { return true }
        }
        return false
    }

    private static func startsWithOpener(_ norm: String) -> Bool {
        for opener in ReplyLexicon.attributionOpeners where norm.hasPrefix(opener) {
            let rest = norm.dropFirst(opener.count)
            if rest.first == " " || rest.first == "," { return true }
        }
        return false
    }

    private static func hasTime(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard scalars.count >= 4 else { return false }
        for k in 1..<(scalars.count - 2) where scalars[k] == ":" || scalars[k] == "." {
            if scalars[k - 1].properties.numericType != nil, scalars[k + 1].properties.numericType != nil,
               scalars[k + 2].properties.numericType != nil {
                return true
            }
        }
        return false
    }

    private static func followedByQuote(_ lines: ArraySlice<Substring>, after i: Int) -> Bool {
        let next = skipBlank(lines, from: i + 1)
        return next < lines.endIndex && isQuoteLine(lines[next])
    }

    private static func skipBlank(_ lines: ArraySlice<Substring>, from: Int) -> Int {
        var k = from
        while k < lines.endIndex, isBlank(lines[k]) { k += 1 }
        return k
    }

    // MARK: - Cheap pre-checks

    /// The last non-blank character is ':' or '：' (every attribution and "Begin forwarded message:" ends so).
    static func endsWithColon(_ line: Substring) -> Bool {
        withBytes(line) { bytes in
            var end = bytes.count
            while end > 0, ASCII.isWhitespace(bytes[end - 1]) { end -= 1 }
            guard end > 0 else { return false }
            if bytes[end - 1] == ASCII.colon { return true }
            // U+FF1A FULLWIDTH COLON = EF BC 9A
            return end >= 3 && bytes[end - 1] == 0x9A && bytes[end - 2] == 0xBC && bytes[end - 3] == 0xEF
        }
    }

    /// A colon within the first 100 bytes, where a header label's colon must be.
    private static func hasEarlyColon(_ line: Substring) -> Bool {
        withBytes(line) { bytes in
            bytes.prefix(101).contains { $0 == ASCII.colon || $0 == 0xEF }
        }
    }

    /// Runs `body` on a line's UTF-8 bytes, in place when the line is a slice of a native string (always,
    /// on Linux): iterating a `Substring.UTF8View` byte by byte costs several times more.
    @inline(__always)
    private static func withBytes<R>(_ line: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        line.utf8.withContiguousStorageIfAvailable(body) ?? Array(line.utf8).withUnsafeBufferPointer(body)
    }

    // MARK: - Normalisation

    /// Lower-cased, trimmed, whitespace collapsed, without bidi marks, zero-width characters, Arabic
    /// diacritics and tatweel, and without bold markers around labels.
    static func normalized(_ line: Substring) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in line.unicodeScalars {
            if isInvisible(scalar) { continue }
            let v = scalar.value
            if (0x064B...0x065F).contains(v) || v == 0x0670 || v == 0x0640 { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out).lowercased()
    }

    /// Whether `normalized(line)` can contain `word` (lower-case ASCII letters), decided on the bytes: the
    /// word's letters must appear in the line in either case, with nothing between them but scalars that
    /// `normalized` removes. Only ASCII letters lower-case to ASCII letters (apart from U+0130 and U+212A,
    /// which give `i` and `k`), so this never rejects a line that would match, and it saves normalising
    /// every line of a long body for a phrase that is almost never there.
    static func mayNormalizeToContain(_ line: Substring, _ word: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard let first = needle.first else { return true }
        return withBytes(line) { matchesIgnoringRemoved($0, needle, first) }
    }

    private static func matchesIgnoringRemoved(
        _ bytes: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, _ first: UInt8
    ) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            if ASCII.lower(bytes[i]) == first {
                var j = i + 1
                var k = 1
                while k < needle.count, j < n {
                    if ASCII.lower(bytes[j]) == needle[k] {
                        j += 1
                        k += 1
                    } else if let skip = removedScalarLength(bytes, at: j) {
                        j += skip
                    } else {
                        break
                    }
                }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// The UTF-8 length of a scalar at `i` that `normalized` drops (see `isInvisible` and the Arabic marks).
    private static func removedScalarLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let n = b.count
        switch b[i] {
        case 0xD8 where i + 1 < n && b[i + 1] == 0x9C:  // U+061C
            return 2
        case 0xD9 where i + 1 < n && ((0x8B...0x9F).contains(b[i + 1]) || b[i + 1] == 0xB0 || b[i + 1] == 0x80):
            return 2  // U+064B–U+065F, U+0670, U+0640
        case 0xE2 where i + 2 < n && b[i + 1] == 0x80 && ((0x8B...0x8F).contains(b[i + 2]) || (0xAA...0xAE).contains(b[i + 2])):
            return 3  // U+200B–U+200F, U+202A–U+202E
        case 0xE2 where i + 2 < n && b[i + 1] == 0x81 && (0xA6...0xA9).contains(b[i + 2]):
            return 3  // U+2066–U+2069
        case 0xEF where i + 2 < n && b[i + 1] == 0xBB && b[i + 2] == 0xBF:
            return 3  // U+FEFF
        default:
            return nil
        }
    }

    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0x061C: return true
        default: return false
        }
    }
}
