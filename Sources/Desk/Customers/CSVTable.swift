/// A minimal RFC 4180 reader: quoted fields with `""` escapes, separators and line breaks inside
/// quotes, CRLF/LF/CR line ends, a leading byte-order mark. Spreadsheet exports need no more.
struct CSVTable: Sendable, Hashable {
    struct Record: Sendable, Hashable {
        /// 1-based line where the record starts, for error messages.
        var line: Int
        var fields: [String]
    }

    enum ParseError: Error, Hashable {
        case unterminatedQuote(line: Int)
    }

    var records: [Record]

    init(parsing text: String, separator: Character = ",") throws(ParseError) {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var recordLine = 1
        var characters = Substring(text)
        if characters.first == "\u{FEFF}" { characters.removeFirst() }

        func endRecord() {
            fields.append(field)
            // A blank line is not a record.
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }

        var index = characters.startIndex
        while index < characters.endIndex {
            let character = characters[index]
            index = characters.index(after: index)
            if inQuotes {
                if character == "\"" {
                    if index < characters.endIndex, characters[index] == "\"" {
                        field.append("\"")
                        index = characters.index(after: index)
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character.isNewline { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
            case separator:
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\r\n", "\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(character)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        self.records = records
    }
}
