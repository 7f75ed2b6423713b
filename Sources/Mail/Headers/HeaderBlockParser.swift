/// Splits a header section into fields and finds where the body starts.
///
/// Tolerant in the ways real mail needs: LF or CRLF (or a mix), folded lines with spaces or tabs, an
/// mbox `From ` line in front, header names in any case, a continuation line before any field (ignored).
/// A line that is not a header field and is not blank ends the header section, as in Python's parser,
/// and starts the body.
enum HeaderBlockParser {
    struct Result {
        var fields: [EmailHeaderField]
        /// Index of the first body byte (`range.upperBound` when there is no body).
        var bodyStart: Int
    }

    /// `topLevel` allows what only makes sense at the start of a whole message: an mbox `From ` line and
    /// blank lines before the first field. In a MIME part a leading blank line means "no headers".
    static func parse(_ data: UnsafeBufferPointer<UInt8>, range: Range<Int>, topLevel: Bool) -> Result {
        var fields: [EmailHeaderField] = []
        var name: [UInt8] = []
        var value: [UInt8] = []
        var hasField = false
        var pos = range.lowerBound
        let end = range.upperBound

        func finishField() {
            guard hasField else { return }
            let trimmed = ASCII.trimmed(value[...])
            fields.append(EmailHeaderField(name: String(decoding: name, as: UTF8.self), rawValue: Array(trimmed)))
            hasField = false
        }

        var firstLine = true
        while pos < end {
            var eol = pos
            while eol < end, data[eol] != ASCII.lf { eol += 1 }
            let next = eol < end ? eol + 1 : end
            var lineEnd = eol
            if lineEnd > pos, data[lineEnd - 1] == ASCII.cr { lineEnd -= 1 }

            if lineEnd == pos || (topLevel && firstLine && isBlankLine(data, pos..<lineEnd)) {
                if topLevel, firstLine, fields.isEmpty, !hasField {
                    pos = next
                    continue
                }
                // The blank line that separates headers from the body.
                finishField()
                return Result(fields: fields, bodyStart: next)
            }
            let first = data[pos]
            if ASCII.isBlank(first) {
                if hasField {
                    // Unfolding: drop the line break, keep the folding whitespace.
                    value.append(contentsOf: UnsafeBufferPointer(rebasing: data[pos..<lineEnd]))
                } else if !fields.isEmpty || !firstLine {
                    // A stray continuation line; Python records a defect and moves on.
                } else {
                    return Result(fields: fields, bodyStart: pos)
                }
                pos = next
                firstLine = false
                continue
            }
            if firstLine, topLevel, startsWith(data, pos..<lineEnd, "From ") {
                pos = next
                firstLine = false
                continue
            }
            guard let colon = fieldColon(data, pos..<lineEnd) else {
                finishField()
                return Result(fields: fields, bodyStart: pos)
            }
            finishField()
            var nameEnd = colon
            while nameEnd > pos, ASCII.isBlank(data[nameEnd - 1]) { nameEnd -= 1 }
            name = Array(UnsafeBufferPointer(rebasing: data[pos..<nameEnd]))
            value = Array(UnsafeBufferPointer(rebasing: data[(colon + 1)..<lineEnd]))
            hasField = true
            pos = next
            firstLine = false
        }
        finishField()
        return Result(fields: fields, bodyStart: end)
    }

    /// The colon ending a field name: printable ASCII without spaces, optionally followed by blanks
    /// (`Subject :` occurs).
    private static func fieldColon(_ data: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int? {
        var i = line.lowerBound
        while i < line.upperBound {
            let b = data[i]
            if b == ASCII.colon { return i > line.lowerBound ? i : nil }
            if b <= 0x20 || b >= 0x7F {
                // Allow blanks between the name and the colon only.
                if ASCII.isBlank(b), i > line.lowerBound {
                    var j = i
                    while j < line.upperBound, ASCII.isBlank(data[j]) { j += 1 }
                    if j < line.upperBound, data[j] == ASCII.colon { return j }
                }
                return nil
            }
            i += 1
        }
        return nil
    }

    private static func isBlankLine(_ data: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        for i in line where !ASCII.isWhitespace(data[i]) { return false }
        return true
    }

    private static func startsWith(_ data: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard line.count >= count else { return false }
        let p = prefix.utf8Start
        for k in 0..<count where data[line.lowerBound + k] != p[k] { return false }
        return true
    }
}
