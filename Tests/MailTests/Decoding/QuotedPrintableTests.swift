import Testing
@testable import Mail

@Suite struct QuotedPrintableTests {
    private func decode(_ s: String) -> [UInt8] {
        QuotedPrintable.decode(Array(s.utf8))
    }

    @Test func escapesAndSoftBreaks() {
        #expect(decode("a=3Db") == Array("a=b".utf8))
        #expect(decode("caf=C3=A9") == Array("café".utf8))
        #expect(decode("soft=\nbreak") == Array("softbreak".utf8))
        #expect(decode("soft=\r\nbreak") == Array("softbreak".utf8))
        #expect(decode("padded= \t\r\nbreak") == Array("paddedbreak".utf8))
        #expect(decode("trailing=") == Array("trailing".utf8))
    }

    @Test func softBreakInsideMultibyteCharacterJoinsBytes() {
        // U+0939 DEVANAGARI LETTER HA = E0 A4 B9, split by a soft line break.
        let bytes = decode("=E0=A4=\n=B9")
        #expect(String(decoding: bytes, as: UTF8.self) == "ह")
    }

    @Test func lowerCaseHexAndMalformedEscapes() {
        #expect(decode("=c3=a9") == Array("é".utf8))
        #expect(decode("100=%") == Array("100=%".utf8))
        #expect(decode("=G1") == Array("=G1".utf8))
        #expect(decode("=4") == Array("=4".utf8))
    }

    @Test func edgesOfTheInput() {
        #expect(decode("") == [])
        #expect(decode("=") == [])
        #expect(decode("=\n=\r\n") == [])
        #expect(decode("a=\rb") == Array("ab".utf8))
        #expect(decode("a= x") == Array("a= x".utf8))
        #expect(decode("==41=") == Array("=A".utf8))
        #expect(decode("end=4") == Array("end=4".utf8))
        #expect(decode("end=41") == Array("endA".utf8))
    }

    @Test func lineBreaksArePreserved() {
        #expect(decode("a\r\nb\nc") == Array("a\r\nb\nc".utf8))
    }

    @Test func encodedWordQ() {
        #expect(QuotedPrintable.decodeEncodedWordText(Array("Probl=E8me_de".utf8)[...]) == [0x50, 0x72, 0x6F, 0x62, 0x6C, 0xE8, 0x6D, 0x65, 0x20, 0x64, 0x65])
    }
}
