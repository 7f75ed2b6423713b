/// Quoted-printable (RFC 2045 §6.7) for bodies that cannot go as they are: UTF-8 text to a server
/// without 8BITMIME, or lines longer than SMTP's 998 octets.
enum QuotedPrintableEncoder {
    /// Encoded lines stay within RFC 2045's 76 characters, soft break included.
    static let maximumLineLength = 76

    /// Encodes a body whose line breaks are CRLF. Hard line breaks stay line breaks; anything else that
    /// is not printable ASCII, `=` itself, and whitespace at the end of a line are written as `=XX`.
    static func encode(_ body: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(body.count * 3)
        var lineStart = 0
        var index = 0
        while index <= body.count {
            let atEnd = index == body.count
            if atEnd || (body[index] == ASCIIBytes.cr && index + 1 < body.count && body[index + 1] == ASCIIBytes.lf) {
                encodeLine(body[lineStart..<index], into: &output)
                if atEnd { break }
                output.append(contentsOf: ASCIIBytes.crlf)
                index += 2
                lineStart = index
            } else {
                index += 1
            }
        }
        return output
    }

    private static func encodeLine(_ line: ArraySlice<UInt8>, into output: inout [UInt8]) {
        var column = 0
        for position in line.indices {
            let byte = line[position]
            let isLast = position == line.index(before: line.endIndex)
            let literal = (byte >= 0x21 && byte <= 0x7E && byte != UInt8(ascii: "="))
                || ((byte == ASCIIBytes.space || byte == ASCIIBytes.tab) && !isLast)
            let width = literal ? 1 : 3
            // Leave room for the soft break `=` unless this is the line's last token.
            let limit = isLast ? maximumLineLength : maximumLineLength - 1
            if column + width > limit {
                output.append(contentsOf: [UInt8(ascii: "="), ASCIIBytes.cr, ASCIIBytes.lf])
                column = 0
            }
            if literal {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "="))
                output.append(ASCIIBytes.hexDigits[Int(byte >> 4)])
                output.append(ASCIIBytes.hexDigits[Int(byte & 0x0F)])
            }
            column += width
        }
    }
}
