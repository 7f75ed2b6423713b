import Testing
@testable import WhatsApp

@Suite struct FormURLEncodedTests {
    private func decode(_ text: String) throws -> [[String]] {
        try FormURLEncoded.decode(Array(text.utf8)).map { [$0.name, $0.value] }
    }

    @Test func plusIsSpaceAndPercentIsAByte() throws {
        #expect(try decode("Body=Hello+World%21&To=whatsapp%3A%2B14155238886") == [
            ["Body", "Hello World!"], ["To", "whatsapp:+14155238886"],
        ])
    }

    @Test func encodedPlusStaysAPlus() throws {
        #expect(try decode("From=whatsapp%3A%2B971501234567&Body=1%2B1") == [
            ["From", "whatsapp:+971501234567"], ["Body", "1+1"],
        ])
    }

    @Test func percentEncodedUTF8BecomesArabicAndEmoji() throws {
        let body = "Body=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7+%F0%9F%98%80"
        #expect(try decode(body) == [["Body", "مرحبا 😀"]])
    }

    @Test func rawUTF8BytesAreAcceptedToo() throws {
        #expect(try decode("Body=مرحبا") == [["Body", "مرحبا"]])
    }

    @Test func orderAndRepeatsAreKept() throws {
        let pairs = try decode("b=2&a=1&b=3&b=2")
        #expect(pairs == [["b", "2"], ["a", "1"], ["b", "3"], ["b", "2"]])
        let form = try FormURLEncoded(decoding: "b=2&a=1&b=3")
        #expect(form.first("b") == "2")
        #expect(form.all("b") == ["2", "3"])
        #expect(form.first("missing") == nil)
    }

    @Test func emptyValuesSegmentsAndBareNames() throws {
        #expect(try decode("a=&&b&=x&c=1=2&") == [["a", ""], ["b", ""], ["", "x"], ["c", "1=2"]])
        #expect(try decode("").isEmpty)
        #expect(try decode("&&&").isEmpty)
    }

    @Test func uppercaseAndLowercaseHexBothWork() throws {
        #expect(try decode("x=%c3%a9%C3%A9") == [["x", "éé"]])
    }

    @Test(arguments: ["a=%", "a=%4", "a=%zz", "a=%4g", "%=1", "a=ok&b=%2"])
    func brokenEscapesThrow(_ body: String) {
        #expect(throws: WhatsAppDecodingError.self) { try decode(body) }
    }

    @Test func brokenEscapeReportsItsOffset() {
        #expect(throws: WhatsAppDecodingError.invalidPercentEscape(offset: 7)) {
            try FormURLEncoded.decode(Array("a=ok&b=%2".utf8))
        }
    }

    @Test(arguments: ["a=%FF", "a=%C3", "a=%C3%28", "a=%ED%A0%80", "%80=1"])
    func invalidUTF8Throws(_ body: String) {
        #expect(throws: WhatsAppDecodingError.self) { try decode(body) }
    }

    @Test func invalidRawUTF8Throws() {
        let bytes: [UInt8] = Array("Body=".utf8) + [0xFF, 0xFE]
        #expect(throws: WhatsAppDecodingError.invalidUTF8(field: "value of Body")) {
            try FormURLEncoded.decode(bytes)
        }
    }

    @Test func decomposedAndPrecomposedNamesStayDistinct() throws {
        let form = try FormURLEncoded(decoding: "%C3%A9=pre&e%CC%81=de")
        #expect(form.first("\u{E9}") == "pre")
        #expect(form.first("e\u{301}") == "de")
    }
}
