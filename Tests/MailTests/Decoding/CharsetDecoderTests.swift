import Testing
@testable import Mail

@Suite struct CharsetDecoderTests {
    @Test func windows1256() {
        // "آرڈر" and "کی" from windows-1256: C2 D1 8F D1, 98 EC
        #expect(CharsetDecoder.decode([0xC2, 0xD1, 0x8F, 0xD1], charset: "windows-1256") == "آرڈر")
        #expect(CharsetDecoder.decode([0x98, 0xEC], charset: "\"Windows-1256\"") == "کى")
        #expect(CharsetDecoder.decode([0x98], charset: "cp1256") == "ک")
    }

    @Test func tis620AndWindows874() {
        // "สวัสดี" in TIS-620
        let bytes: [UInt8] = [0xCA, 0xC7, 0xD1, 0xCA, 0xB4, 0xD5]
        #expect(CharsetDecoder.decode(bytes, charset: "TIS-620") == "สวัสดี")
        #expect(CharsetDecoder.decode(bytes, charset: "windows-874") == "สวัสดี")
        #expect(CharsetDecoder.decode([0x85], charset: "tis-620") == "…")
    }

    @Test func iso88596() {
        // "مرحبا" in ISO-8859-6
        #expect(CharsetDecoder.decode([0xE5, 0xD1, 0xCD, 0xC8, 0xC7], charset: "iso-8859-6") == "مرحبا")
    }

    @Test func windows1258ComposesToNFC() {
        // "Việt": V i e + combining dot below (F2) + combining circumflex is precomposed ê (EA) + F2.
        let text = CharsetDecoder.decode([0x56, 0x69, 0xEA, 0xF2, 0x74], charset: "windows-1258")
        #expect(TextNormalizer.nfcIfDecomposed(text) == "Việt")
    }

    @Test func latin1AndWindows1252() {
        #expect(CharsetDecoder.decode([0x50, 0x72, 0x6F, 0x62, 0x6C, 0xE8, 0x6D, 0x65], charset: "ISO-8859-1") == "Problème")
        #expect(CharsetDecoder.decode([0x93, 0x68, 0x69, 0x94, 0x80], charset: "windows-1252") == "\u{201C}hi\u{201D}€")
        // Mislabelled UTF-8 is recognised.
        #expect(CharsetDecoder.decode(Array("Đà Nẵng".utf8), charset: "iso-8859-1") == "Đà Nẵng")
    }

    @Test func unknownOrWrongCharsetNeverFails() {
        #expect(CharsetDecoder.decode(Array("Mình ở Đà Nẵng".utf8), charset: "unknown-8bit") == "Mình ở Đà Nẵng")
        #expect(CharsetDecoder.decode(Array("plain".utf8), charset: "x-no-such-charset") == "plain")
        #expect(CharsetDecoder.decode([0xE9, 0x74, 0xE9], charset: "x-no-such-charset") == "été")
        // Labelled UTF-8 without a single valid UTF-8 sequence: the label is wrong, windows-1252 it is.
        #expect(CharsetDecoder.decode([0xE9, 0x74, 0xE9], charset: "utf-8") == "été")
        // Real UTF-8 with one damaged byte stays UTF-8, with a replacement character.
        #expect(CharsetDecoder.decode(Array("Đà ".utf8) + [0xFF], charset: "utf-8") == "Đà \u{FFFD}")
        #expect(CharsetDecoder.decode([0xE3, 0xE4], charset: "utf-8", fallback: "windows-1256") == "من")
        #expect(CharsetDecoder.decode([0xE9, 0x74, 0xE9], charset: nil) == "été")
    }

    @Test func invalidBytesInLegacyCharsetAreReplaced() {
        // 0xDB–0xDE are unassigned in TIS-620.
        let text = CharsetDecoder.decode([0xCA, 0xDB, 0xCA], charset: "tis-620")
        #expect(text.unicodeScalars.first == "ส")
        #expect(text.unicodeScalars.last == "ส")
    }

    @Test func multiByteCharsets() {
        #expect(CharsetDecoder.decode([0xC4, 0xE3, 0xBA, 0xC3], charset: "gb2312") == "你好")
        #expect(CharsetDecoder.decode([0xBE, 0xC8, 0xB3, 0xE7], charset: "ks_c_5601-1987") == "안녕")
        #expect(CharsetDecoder.decode(Array("+AGE-".utf8), charset: "utf-7") == "a")
    }
}
