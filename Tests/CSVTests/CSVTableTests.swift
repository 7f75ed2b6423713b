import CSV
import Testing

@Suite struct CSVTableTests {
    private func fields(_ text: String) throws -> [[String]] {
        try CSVTable(parsing: text).records.map(\.fields)
    }

    @Test func plainFieldsAndLineEnds() throws {
        #expect(try fields("a,b,c\r\n1,2,3\n4,5,6\r7,8,9") == [["a", "b", "c"], ["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"]])
        #expect(try fields("a,,\n") == [["a", "", ""]])
        #expect(try fields("") == [])
    }

    /// RFC 4180 §2.5–2.7: quoted fields hold the separator, line breaks and doubled quotes.
    @Test func quotedFields() throws {
        #expect(try fields("\"a,b\",c\n") == [["a,b", "c"]])
        #expect(try fields("\"Ali \"\"the\"\" Smith\",x") == [["Ali \"the\" Smith", "x"]])
        #expect(try fields("\"line one\r\nline two\",x\n") == [["line one\r\nline two", "x"]])
        #expect(try fields("\"\"\"\"") == [["\""]])
        #expect(try fields("\"\",\"\"\n") == [["", ""]])
    }

    @Test func quotesInsideAnUnquotedFieldAreText() throws {
        #expect(try fields("5\" screen,b\n") == [["5\" screen", "b"]])
        #expect(try fields("\"a\"b,c\n") == [["ab", "c"]])
    }

    @Test func blankLinesAreSkippedButAQuotedEmptyLineIsARecord() throws {
        #expect(try fields("a\n\n\r\nb\n") == [["a"], ["b"]])
        #expect(try fields("a\n\"\"\nb") == [["a"], [""], ["b"]])
    }

    @Test func recordsKnowTheLineTheyStartOn() throws {
        let table = try CSVTable(parsing: "h1,h2\r\n\"two\nlines\",x\r\n\nlast,y\n")
        #expect(table.records.map(\.line) == [1, 2, 5])
        #expect(try CSVTable(parsing: "a\r\"b\rc\"\rd").records.map(\.line) == [1, 2, 4])
    }

    @Test func byteOrderMarkAndUTF8() throws {
        #expect(try fields("\u{FEFF}name,city\nمحمد,دبي\n") == [["name", "city"], ["محمد", "دبي"]])
        #expect(try CSVTable(parsing: [0xEF, 0xBB, 0xBF, 0x61, 0x2C, 0xFF]).records.map(\.fields) == [["a", "\u{FFFD}"]])
    }

    @Test func anUnterminatedQuoteNamesTheLineItStartsOn() {
        #expect(throws: CSVError.unterminatedQuote(line: 2)) { try CSVTable(parsing: "a,b\n\"open,x\nmore\n") }
        #expect(CSVError.unterminatedQuote(line: 2).description == "line 2: a quoted field is never closed")
    }
}
