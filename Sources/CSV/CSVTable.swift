/// An RFC 4180 reader: quoted fields with `""` escapes, commas and line breaks inside quotes, CRLF, LF or
/// CR line ends, and a leading UTF-8 byte-order mark. Spreadsheet exports and the public training sets
/// need no more.
///
/// It works on bytes, since every character with a meaning here is ASCII and UTF-8 never uses an ASCII
/// byte inside another character: that keeps multi-megabyte training files fast to read. Fields are
/// decoded as UTF-8, with invalid bytes replaced.
public struct CSVTable: Sendable, Hashable {
    /// One row of the file.
    public struct Record: Sendable, Hashable {
        /// 1-based line where the record starts (a quoted field may span lines), for error messages.
        public var line: Int
        public var fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// The rows in file order. Blank lines are not records; a line holding only `""` is one.
    public var records: [Record]

    public init(parsing text: String) throws(CSVError) {
        try self.init(parsing: Array(text.utf8))
    }

    public init(parsing bytes: [UInt8]) throws(CSVError) {
        var parser = Parser()
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if parser.inQuotes {
                if byte == Parser.quote, index < bytes.count, bytes[index] == Parser.quote {
                    parser.field.append(Parser.quote)
                    index += 1
                } else if byte == Parser.quote {
                    parser.inQuotes = false
                } else {
                    if byte == Parser.lineFeed || (byte == Parser.carriageReturn && bytes[safe: index] != Parser.lineFeed) {
                        parser.line += 1
                    }
                    parser.field.append(byte)
                }
                continue
            }
            switch byte {
            case Parser.quote where parser.field.isEmpty && !parser.fieldWasQuoted:
                parser.inQuotes = true
                parser.fieldWasQuoted = true
            case Parser.comma:
                parser.endField()
            case Parser.carriageReturn, Parser.lineFeed:
                if byte == Parser.carriageReturn, bytes[safe: index] == Parser.lineFeed {
                    index += 1
                }
                parser.endRecord()
                parser.line += 1
                parser.recordLine = parser.line
            default:
                parser.field.append(byte)
            }
        }
        if parser.inQuotes {
            throw .unterminatedQuote(line: parser.recordLine)
        }
        if !parser.field.isEmpty || !parser.fields.isEmpty || parser.fieldWasQuoted {
            parser.endRecord()
        }
        self.records = parser.records
    }

    /// The reader's state between bytes.
    private struct Parser {
        static let quote = UInt8(ascii: "\"")
        static let comma = UInt8(ascii: ",")
        static let carriageReturn = UInt8(ascii: "\r")
        static let lineFeed = UInt8(ascii: "\n")

        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var recordLine = 1

        mutating func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }

        mutating func endRecord() {
            // A blank line is not a record, but `""` on a line of its own is one empty field.
            let blank = fields.isEmpty && field.isEmpty && !fieldWasQuoted
            endField()
            if !blank {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields.removeAll()
        }
    }
}

extension Array where Element == UInt8 {
    fileprivate subscript(safe index: Int) -> UInt8? {
        index < count ? self[index] : nil
    }
}
