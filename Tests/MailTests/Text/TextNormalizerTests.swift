import Testing
@testable import Mail

/// Line-break normalisation, BOM and trailing-whitespace trimming, and NFC only for decomposed text.
@Suite struct TextNormalizerTests {
    @Test(arguments: [
        ("a\r\nb\rc\nd", "a\nb\nc\nd"),
        ("a\r\r\nb", "a\n\nb"),
        ("a\n\r\nb", "a\n\nb"),
        ("\r\n\r\nlead", "\n\nlead"),
        ("\u{FEFF}text", "text"),
        ("x\u{FEFF}text", "x\u{FEFF}text"),
        ("\u{FEFF}", ""),
        ("\u{FEFF} \u{A0}", ""),
        ("keep  \ninner  \nend \t\r\n\u{A0} \u{A0}\r", "keep  \ninner  \nend"),
        ("ends in é\u{A0}", "ends in é"),
        ("", ""),
        ("\r\n", ""),
        ("Vie\u{0323}\u{0302}t Nam\r\n", "Việt Nam"),
        ("already Việt", "already Việt"),
        ("a\u{0301}", "á"),
    ])
    func bodyText(input: String, expected: String) {
        #expect(TextNormalizer.bodyText(input) == expected)
        #expect(Array(TextNormalizer.bodyText(input).utf8) == Array(expected.utf8))
    }

    @Test func bodyTextKeepsInvalidlyDecodedReplacementsAndLongText() {
        let line = "Hello — الفاتورة\r\n"
        let text = String(repeating: line, count: 10_000)
        let expected = String(repeating: "Hello — الفاتورة\n", count: 10_000).dropLast()
        #expect(TextNormalizer.bodyText(text) == String(expected))
        #expect(TextNormalizer.bodyText("\u{FFFD}x\u{FFFD}") == "\u{FFFD}x\u{FFFD}")
    }

    @Test func nfcOnlyWhenDecomposed() {
        #expect(TextNormalizer.nfcIfDecomposed("e\u{0301}") == "\u{E9}")
        #expect(Array(TextNormalizer.nfcIfDecomposed("e\u{0301}").utf8) == [0xC3, 0xA9])
        // Hangul jamo are decomposed too, but outside U+0300–U+036F: left alone on purpose.
        #expect(Array(TextNormalizer.nfcIfDecomposed("\u{1100}\u{1161}").unicodeScalars) == ["\u{1100}", "\u{1161}"])
    }
}
