import Foundation
import Testing

@testable import SMTPClient

@Suite struct QuotedPrintableEncoderTests {
    private func encode(_ text: String) -> String {
        String(decoding: QuotedPrintableEncoder.encode(Array(text.utf8)), as: UTF8.self)
    }

    @Test func asciiStaysReadable() {
        #expect(encode("Hello, world!\r\nLine two\r\n") == "Hello, world!\r\nLine two\r\n")
    }

    @Test func equalsSignAndUTF8AreEscaped() {
        #expect(encode("a=b\r\n") == "a=3Db\r\n")
        #expect(encode("é\r\n") == "=C3=A9\r\n")
        #expect(encode("مرحبا") == "=D9=85=D8=B1=D8=AD=D8=A8=D8=A7")
    }

    @Test func trailingWhitespaceIsEncodedButInnerWhitespaceIsNot() {
        #expect(encode("a b \r\nc\t\r\n") == "a b=20\r\nc=09\r\n")
    }

    @Test func longLinesGetSoftBreaksWithinSeventySixCharacters() {
        let text = String(repeating: "abcdefghij", count: 30) + "\r\n" + String(repeating: "ไทย", count: 40)
        let encoded = encode(text)
        for line in encoded.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76, "\(line)")
        }
        #expect(ReferenceDecoders.quotedPrintable(Array(encoded.utf8)) == Array(text.utf8))
    }

    @Test func neverSplitsAnEscape() {
        // 25 escapes of 3 characters fill 75 columns; the 26th must move to the next line whole.
        let encoded = encode(String(repeating: "é", count: 13))
        for line in encoded.components(separatedBy: "\r\n") {
            let body = line.hasSuffix("=") ? String(line.dropLast()) : line
            #expect(body.utf8.count % 3 == 0, "\(line)")
        }
    }

    @Test(arguments: [
        "", "=", "x \r\n", " \r\n \r\n", "\u{0}nul\r\n", String(repeating: "=", count: 200),
        "Thai ภาษาไทย and Arabic العربية and Vietnamese Tiếng Việt\r\n.leading dot\r\n",
        String(repeating: "a", count: 75) + " ", String(repeating: "a", count: 74) + "é",
    ])
    func roundTrips(text: String) {
        let encoded = QuotedPrintableEncoder.encode(Array(text.utf8))
        #expect(ReferenceDecoders.quotedPrintable(encoded) == Array(text.utf8))
        let lines = String(decoding: encoded, as: UTF8.self).components(separatedBy: "\r\n")
        for line in lines {
            #expect(line.utf8.count <= 76)
            #expect(line.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 })
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"))
        }
    }
}
