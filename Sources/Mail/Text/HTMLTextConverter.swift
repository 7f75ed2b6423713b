/// HTML to readable plain text, following the corpus rules: `<head>`, `<style>`, `<script>`, `<title>`
/// and comments dropped; `<br>` a line break; `<p>` a paragraph; block elements (`div`, `tr`, `li`,
/// `h1`–`h6`, `blockquote`, `table`, `hr` …) line breaks; entities decoded; no-break spaces are spaces;
/// whitespace runs collapse; lines stripped; at most one blank line in a row; links and images dropped
/// (anchor text kept).
///
/// It is a single forward scan over the UTF-8 bytes with no DOM, so it is linear and cannot be sent into
/// deep recursion by hostile markup.
enum HTMLTextConverter {
    /// - Parameter markQuotes: prefix lines inside `<blockquote>` with `> ` (one per level), so quote
    ///   stripping can recognise quoted history in HTML-only mail the same way as in plain text.
    static func convert(_ html: String, markQuotes: Bool = false) -> String {
        var bytes = Array(html.utf8)
        bytes.append(0)  // sentinel: lookahead never runs off the end
        return bytes.withUnsafeBufferPointer { buf in
            var writer = Writer(markQuotes: markQuotes)
            convert(buf, count: buf.count - 1, into: &writer)
            return String(decoding: writer.out, as: UTF8.self)
        }
    }

    private static let lineBlocks: Set<String> = [
        "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "hr", "ul", "ol", "dl",
        "dt", "dd", "pre", "address", "article", "section", "header", "footer", "nav", "aside", "form",
        "fieldset", "figure", "figcaption", "center", "main", "caption", "thead", "tbody", "tfoot", "legend",
        "details", "summary", "option", "body", "html",
    ]
    private static let paragraphBlocks: Set<String> = ["p"]
    private static let dropped: Set<String> = ["head", "style", "script", "title", "noscript", "template", "xml", "svg", "object", "select"]

    private static func convert(_ buf: UnsafeBufferPointer<UInt8>, count n: Int, into w: inout Writer) {
        var i = 0
        var textStart = 0
        while i < n {
            let b = buf[i]
            if b == ASCII.less {
                if let tagEnd = handleMarkup(buf, n, at: i, &w, flushing: textStart) {
                    i = tagEnd
                    textStart = i
                    continue
                }
                i += 1
                continue
            }
            i += 1
        }
        if textStart < n { w.text(buf, textStart..<n) }
    }

    /// Handles markup at `start` (a `<`). Returns the index after it, or `nil` if the `<` is plain text.
    private static func handleMarkup(
        _ buf: UnsafeBufferPointer<UInt8>, _ n: Int, at start: Int, _ w: inout Writer, flushing textStart: Int
    ) -> Int? {
        let next = buf[start + 1]
        if next == 0x21 {  // "<!"
            if textStart < start { w.text(buf, textStart..<start) }
            if buf[start + 2] == ASCII.hyphen, buf[start + 3] == ASCII.hyphen {
                return find(buf, n, from: start + 4, "-->").map { $0 + 3 } ?? n
            }
            return skipPastGreater(buf, n, from: start + 2)
        }
        if next == ASCII.question {
            if textStart < start { w.text(buf, textStart..<start) }
            return skipPastGreater(buf, n, from: start + 2)
        }
        var j = start + 1
        var closing = false
        if buf[j] == 0x2F {
            closing = true
            j += 1
        }
        guard isLetter(buf[j]) else { return nil }
        if textStart < start { w.text(buf, textStart..<start) }
        let nameStart = j
        while j < n, isNameByte(buf[j]) { j += 1 }
        let name = ASCII.lowercasedString(UnsafeBufferPointer(rebasing: buf[nameStart..<j]))
        let tagEnd = skipPastGreater(buf, n, from: j)
        let selfClosing = tagEnd >= 2 && tagEnd - 2 >= j && buf[tagEnd - 2] == 0x2F

        if !closing, !selfClosing, dropped.contains(name) {
            return skipElement(buf, n, named: name, from: tagEnd)
        }
        switch name {
        case "br":
            w.lineBreak()
        case "p":
            w.block(2)
        case "blockquote":
            w.block(1)
            w.quoteDepth = max(0, w.quoteDepth + (closing ? -1 : 1))
        case "td", "th":
            w.space()
        case "img":
            break
        default:
            if lineBlocks.contains(name) {
                w.block(1)
            } else if paragraphBlocks.contains(name) {
                w.block(2)
            }
        }
        if name == "pre" { w.preDepth = max(0, w.preDepth + (closing ? -1 : 1)) }
        return tagEnd
    }

    /// Skips the content of a dropped element up to and including its end tag. A `<head>` without
    /// `</head>` ends where `<body>` starts, so broken mail does not lose its whole text.
    private static func skipElement(_ buf: UnsafeBufferPointer<UInt8>, _ n: Int, named name: String, from: Int) -> Int {
        let closeTag = Array("</\(name)".utf8)
        var i = from
        while i < n {
            if buf[i] == ASCII.less {
                if matchesLower(buf, n, at: i, closeTag) {
                    return skipPastGreater(buf, n, from: i + closeTag.count)
                }
                if name == "head", matchesLower(buf, n, at: i, Array("<body".utf8)) {
                    return i
                }
                if name != "script", name != "style", buf[i + 1] == 0x21, buf[i + 2] == ASCII.hyphen, buf[i + 3] == ASCII.hyphen {
                    // Comments inside <head> may hold "</head>" text (Outlook conditional comments).
                    i = find(buf, n, from: i + 4, "-->").map { $0 + 3 } ?? n
                    continue
                }
            }
            i += 1
        }
        return n
    }

    private static func matchesLower(_ buf: UnsafeBufferPointer<UInt8>, _ n: Int, at i: Int, _ lowerNeedle: [UInt8]) -> Bool {
        guard i + lowerNeedle.count <= n else { return false }
        for k in 0..<lowerNeedle.count where ASCII.lower(buf[i + k]) != lowerNeedle[k] { return false }
        return true
    }

    /// The index after the `>` that closes a tag, skipping quoted attribute values.
    private static func skipPastGreater(_ buf: UnsafeBufferPointer<UInt8>, _ n: Int, from: Int) -> Int {
        var i = from
        var quote: UInt8 = 0
        while i < n {
            let b = buf[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == ASCII.quote || b == 0x27 {
                // Only a quote that starts an attribute value (after '=') opens a quoted run.
                var k = i - 1
                while k >= from, ASCII.isWhitespace(buf[k]) { k -= 1 }
                if k >= from, buf[k] == ASCII.equals { quote = b }
            } else if b == ASCII.greater {
                return i + 1
            }
            i += 1
        }
        return n
    }

    private static func find(_ buf: UnsafeBufferPointer<UInt8>, _ n: Int, from: Int, _ needle: StaticString) -> Int? {
        let len = needle.utf8CodeUnitCount
        let p = needle.utf8Start
        var i = from
        while i + len <= n {
            if buf[i] == p[0] {
                var k = 1
                while k < len, buf[i + k] == p[k] { k += 1 }
                if k == len { return i }
            }
            i += 1
        }
        return nil
    }

    private static func isLetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        isLetter(b) || ASCII.isDigit(b) || b == ASCII.colon || b == ASCII.hyphen || b == ASCII.underscore
    }

    /// Builds the output with the whitespace rules: breaks are requested and only written before the next
    /// text, so empty elements add no blank lines and the text never starts or ends with breaks.
    struct Writer {
        var out: [UInt8] = []
        var markQuotes: Bool
        var quoteDepth = 0
        var preDepth = 0
        private var lineHasText = false
        private var pendingBreaks = 0
        private var pendingSpace = false

        init(markQuotes: Bool) {
            self.markQuotes = markQuotes
        }

        mutating func block(_ breaks: Int) {
            pendingBreaks = max(pendingBreaks, breaks)
            pendingSpace = false
        }

        mutating func lineBreak() {
            if lineHasText && pendingBreaks == 0 {
                pendingBreaks = 1
            } else {
                pendingBreaks = min(pendingBreaks + 1, 2)
            }
            pendingSpace = false
        }

        mutating func space() {
            if lineHasText { pendingSpace = true }
        }

        /// Breaks are only written right before text, when the current line always holds text, so the
        /// pending count is exactly the number of line feeds to write.
        private mutating func flushBreaks() {
            guard pendingBreaks > 0 else { return }
            if !out.isEmpty {
                for _ in 0..<pendingBreaks { out.append(ASCII.lf) }
                lineHasText = false
            }
            pendingBreaks = 0
            pendingSpace = false
        }

        private mutating func emitScalarBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
            flushBreaks()
            if !lineHasText, markQuotes, quoteDepth > 0 {
                for _ in 0..<quoteDepth { out.append(ASCII.greater) }
                out.append(ASCII.space)
            } else if pendingSpace, lineHasText {
                out.append(ASCII.space)
            }
            pendingSpace = false
            out.append(contentsOf: bytes)
            lineHasText = true
        }

        private mutating func emit(_ scalar: Unicode.Scalar) {
            if scalar == "\u{A0}" || scalar.properties.isWhitespace {
                whitespace(isNewline: scalar == "\n")
                return
            }
            var utf8: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &utf8) { raw in
                var count = 0
                UTF8.encode(scalar) { byte in
                    raw[count] = byte
                    count += 1
                }
                emitScalarBytes(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[..<count]))
            }
        }

        private mutating func whitespace(isNewline: Bool) {
            if preDepth > 0, isNewline {
                lineBreak()
            } else if lineHasText {
                pendingSpace = true
            }
        }

        /// Text between tags: entities decoded, whitespace collapsed.
        mutating func text(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            var i = range.lowerBound
            var runStart = i
            func flushRun(_ w: inout Writer, _ end: Int) {
                if runStart < end { w.emitScalarBytes(UnsafeBufferPointer(rebasing: buf[runStart..<end])) }
            }
            while i < range.upperBound {
                let b = buf[i]
                if b == 0x26 {  // '&'
                    flushRun(&self, i)
                    let (scalar, next) = HTMLTextConverter.entity(buf, range.upperBound, at: i)
                    emit(scalar)
                    i = next
                    runStart = i
                    continue
                }
                if ASCII.isWhitespace(b) {
                    flushRun(&self, i)
                    whitespace(isNewline: b == ASCII.lf)
                    i += 1
                    runStart = i
                    continue
                }
                if b == 0xC2, i + 1 < range.upperBound, buf[i + 1] == 0xA0 {
                    flushRun(&self, i)
                    whitespace(isNewline: false)
                    i += 2
                    runStart = i
                    continue
                }
                i += 1
            }
            flushRun(&self, range.upperBound)
        }
    }

    /// Decodes a character reference at `start` (an `&`); an unknown one is the literal `&`.
    static func entity(_ buf: UnsafeBufferPointer<UInt8>, _ end: Int, at start: Int) -> (Unicode.Scalar, Int) {
        var i = start + 1
        if i < end, buf[i] == 0x23 {  // '#'
            i += 1
            var hex = false
            if i < end, buf[i] == 0x78 || buf[i] == 0x58 {
                hex = true
                i += 1
            }
            var value: UInt32 = 0
            let digitsStart = i
            while i < end, i - digitsStart < 8 {
                let b = buf[i]
                if hex, let h = ASCII.hexValue(b) {
                    value = value * 16 + UInt32(h)
                } else if !hex, ASCII.isDigit(b) {
                    value = value * 10 + UInt32(b - 0x30)
                } else {
                    break
                }
                i += 1
            }
            guard i > digitsStart else { return ("&", start + 1) }
            if i < end, buf[i] == ASCII.semicolon { i += 1 }
            return (numericScalar(value), i)
        }
        let nameStart = i
        while i < end, i - nameStart < HTMLEntities.maxNameLength, isLetter(buf[i]) || ASCII.isDigit(buf[i]) { i += 1 }
        // Longest known prefix, so "&nbspfoo" and "&amp" without ';' still decode as browsers do.
        var k = i
        while k > nameStart {
            let name = String(decoding: UnsafeBufferPointer(rebasing: buf[nameStart..<k]), as: UTF8.self)
            if let value = HTMLEntities.named[name], let scalar = Unicode.Scalar(value) {
                var next = k
                if next < end, buf[next] == ASCII.semicolon { next += 1 }
                return (scalar, next)
            }
            k -= 1
        }
        return ("&", start + 1)
    }

    private static func numericScalar(_ value: UInt32) -> Unicode.Scalar {
        // Browsers read &#128;–&#159; as windows-1252.
        let cp1252: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
            0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        if value >= 0x80, value < 0xA0 { return Unicode.Scalar(cp1252[Int(value - 0x80)]) ?? "\u{FFFD}" }
        if value == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
