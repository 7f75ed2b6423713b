#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds the MIME tree of a message in one pass per nesting level.
///
/// Broken structure is parsed as well as it can be: a missing closing boundary ends the last part at the
/// end of the data, a multipart without a `boundary` parameter has its boundary guessed from the first
/// `--` line, and nesting and part counts are capped so hostile input cannot exhaust the stack or memory.
enum MIMETreeParser {
    static let maxDepth = 24
    static let maxParts = 2_000

    /// Parses a whole message. `nil` when there is no header section at all.
    static func parseMessage(_ data: [UInt8]) -> MIMEPart? {
        var budget = maxParts
        return data.withUnsafeBufferPointer { buf in
            let header = HeaderBlockParser.parse(buf, range: 0..<buf.count, topLevel: true)
            guard !header.fields.isEmpty else { return nil }
            return build(data, buf, headers: header.fields, body: header.bodyStart..<buf.count,
                         defaultType: "text/plain", depth: 0, fallback: legacyCharset(header.fields), budget: &budget)
        }
    }

    private static func parsePart(
        _ data: [UInt8], _ buf: UnsafeBufferPointer<UInt8>, range: Range<Int>, defaultType: String,
        depth: Int, fallback: String?, budget: inout Int
    ) -> MIMEPart {
        let header = HeaderBlockParser.parse(buf, range: range, topLevel: false)
        return build(data, buf, headers: header.fields, body: header.bodyStart..<range.upperBound,
                     defaultType: defaultType, depth: depth, fallback: fallback, budget: &budget)
    }

    /// The first charset other than UTF-8/ASCII named by an encoded word in From or Subject.
    static func legacyCharset(_ fields: [EmailHeaderField]) -> String? {
        for field in fields where field.key == "subject" || field.key == "from" {
            for charset in EncodedWordDecoder.charsets(in: field.rawValue[...]) {
                switch CharsetDecoder.kind(for: charset) {
                case .utf8, .guess: continue
                default: return charset
                }
            }
        }
        return nil
    }

    private static func build(
        _ data: [UInt8], _ buf: UnsafeBufferPointer<UInt8>, headers: [EmailHeaderField], body: Range<Int>,
        defaultType: String, depth: Int, fallback: String?, budget: inout Int
    ) -> MIMEPart {
        var part = MIMEPart(data: data, headers: headers, defaultType: defaultType, body: body)
        part.fallbackCharset = fallback
        budget -= 1
        guard depth < maxDepth, budget > 0 else { return part }

        if part.isMultipart {
            var boundary = part.contentType.parameters["boundary"].map { Array($0.utf8) }
            if boundary?.isEmpty ?? true { boundary = guessBoundary(buf, body) }
            guard let boundary else { return part.readAsText() }
            let childType = part.subType == "digest" ? "message/rfc822" : "text/plain"
            let ranges = split(buf, body: body, boundary: boundary, limit: budget)
            if ranges.isEmpty {
                // No delimiter at all: Python finds no parts; reading the body as text is kinder.
                return part.readAsText()
            }
            for range in ranges {
                guard budget > 0 else { break }
                part.children.append(parsePart(data, buf, range: range, defaultType: childType, depth: depth + 1,
                                               fallback: fallback, budget: &budget))
            }
        } else if part.mainType == "message", part.subType == "rfc822" || part.subType == "global" {
            let inner: [UInt8]
            let innerBody: Range<Int>
            switch part.transferEncoding {
            case "base64", "quoted-printable":
                inner = part.decodedBody()
                innerBody = 0..<inner.count
            default:
                inner = data
                innerBody = body
            }
            let embedded: MIMEPart? = inner.withUnsafeBufferPointer { innerBuf in
                let header = HeaderBlockParser.parse(innerBuf, range: innerBody, topLevel: true)
                guard !header.fields.isEmpty else { return nil }
                return build(inner, innerBuf, headers: header.fields, body: header.bodyStart..<innerBody.upperBound,
                             defaultType: "text/plain", depth: depth + 1,
                             fallback: legacyCharset(header.fields) ?? fallback, budget: &budget)
            }
            if let embedded { part.embedded = [embedded] }
        }
        return part
    }

    /// The part ranges between delimiter lines. The line break before a delimiter belongs to the
    /// delimiter; the preamble and epilogue are dropped.
    static func split(_ buf: UnsafeBufferPointer<UInt8>, body: Range<Int>, boundary: [UInt8], limit: Int) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var partStart: Int?
        var pos = body.lowerBound
        let end = body.upperBound
        let blen = boundary.count
        boundary.withUnsafeBufferPointer { bnd in
            while pos < end {
                let eol = nextNewline(buf, from: pos, to: end)
                let next = eol < end ? eol + 1 : end
                var lineEnd = eol
                if lineEnd > pos, buf[lineEnd - 1] == ASCII.cr { lineEnd -= 1 }
                if lineEnd - pos >= 2 + blen, buf[pos] == ASCII.hyphen, buf[pos + 1] == ASCII.hyphen,
                   memcmp(buf.baseAddress! + pos + 2, bnd.baseAddress!, blen) == 0 {
                    var k = pos + 2 + blen
                    var isClose = false
                    if k + 2 <= lineEnd, buf[k] == ASCII.hyphen, buf[k + 1] == ASCII.hyphen {
                        isClose = true
                        k += 2
                    }
                    var onlyBlanks = true
                    while k < lineEnd {
                        if !ASCII.isBlank(buf[k]) { onlyBlanks = false; break }
                        k += 1
                    }
                    if onlyBlanks {
                        if let start = partStart {
                            var stop = pos
                            if stop > start, buf[stop - 1] == ASCII.lf { stop -= 1 }
                            if stop > start, buf[stop - 1] == ASCII.cr { stop -= 1 }
                            parts.append(start..<max(start, stop))
                        }
                        if isClose || parts.count >= limit { return }
                        partStart = next
                        pos = next
                        continue
                    }
                }
                pos = next
            }
            if let start = partStart, start <= end { parts.append(start..<end) }
        }
        return parts
    }

    /// For a multipart without a usable `boundary`: the first line that looks like a delimiter.
    private static func guessBoundary(_ buf: UnsafeBufferPointer<UInt8>, _ body: Range<Int>) -> [UInt8]? {
        var pos = body.lowerBound
        var lines = 0
        while pos < body.upperBound, lines < 200 {
            let eol = nextNewline(buf, from: pos, to: body.upperBound)
            var lineEnd = eol
            while lineEnd > pos, ASCII.isWhitespace(buf[lineEnd - 1]) { lineEnd -= 1 }
            if lineEnd - pos > 2, buf[pos] == ASCII.hyphen, buf[pos + 1] == ASCII.hyphen {
                var candidate = Array(UnsafeBufferPointer(rebasing: buf[(pos + 2)..<lineEnd]))
                if candidate.count > 2, candidate.suffix(2) == [ASCII.hyphen, ASCII.hyphen] {
                    candidate.removeLast(2)
                }
                if !candidate.isEmpty, !candidate.contains(where: ASCII.isWhitespace) { return candidate }
            }
            pos = eol < body.upperBound ? eol + 1 : body.upperBound
            lines += 1
        }
        return nil
    }

    @inline(__always)
    static func nextNewline(_ buf: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let base = buf.baseAddress else { return to }
        guard let hit = memchr(base + from, Int32(ASCII.lf), to - from) else { return to }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}
