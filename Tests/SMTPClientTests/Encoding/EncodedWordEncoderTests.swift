import Testing

@testable import SMTPClient

@Suite struct EncodedWordEncoderTests {
    @Test func encodesUTF8AsBase64Words() {
        #expect(EncodedWordEncoder.encodedWords("é") == ["=?UTF-8?B?w6k=?="])
    }

    @Test func wordsStayWithinSeventyFiveCharactersAndSplitBetweenCharacters() {
        let text = String(repeating: "สวัสดีครับ ", count: 12) + "👩‍👩‍👧‍👦"
        let words = EncodedWordEncoder.encodedWords(text)
        #expect(words.count > 1)
        for word in words {
            #expect(word.utf8.count <= 75)
            // Each word decodes to valid UTF-8 on its own (RFC 2047 §5).
            #expect(ReferenceDecoders.encodedWords(word) != nil)
        }
        #expect(ReferenceDecoders.encodedWords(words.joined(separator: " ")) == text)
    }

    @Test func subjectKeepsASCIIWordsReadable() {
        let tokens = EncodedWordEncoder.unstructuredTokens("Re: مشكلة في الفاتورة [#42]")
        #expect(tokens.first == "Re:")
        #expect(tokens.last == "[#42]")
        #expect(tokens.dropFirst().dropLast().allSatisfy { $0.hasPrefix("=?UTF-8?B?") })
        #expect(ReferenceDecoders.encodedWords(tokens.joined(separator: " ")) == "Re: مشكلة في الفاتورة [#42]")
    }

    @Test func mixedScriptsRoundTrip() {
        for subject in ["Re: Đơn hàng 1182 chưa tới [#7]", "ขอบคุณ ok ขอบคุณ", "Hello world", "café au lait", "a =?x?= b"] {
            let tokens = EncodedWordEncoder.unstructuredTokens(subject)
            #expect(ReferenceDecoders.encodedWords(tokens.joined(separator: " ")) == subject, "\(subject)")
        }
    }

    @Test func textThatLooksEncodedIsEncodedSoItIsNotMisread() {
        let tokens = EncodedWordEncoder.unstructuredTokens("=?UTF-8?B?aGk=?=")
        #expect(tokens != ["=?UTF-8?B?aGk=?="])
        #expect(ReferenceDecoders.encodedWords(tokens.joined(separator: " ")) == "=?UTF-8?B?aGk=?=")
    }

    @Test func lineBreaksCannotInjectHeaders() {
        let tokens = EncodedWordEncoder.unstructuredTokens("Hello\r\nBcc: victim@example.com")
        #expect(tokens == ["Hello", "Bcc:", "victim@example.com"])
        #expect(EncodedWordEncoder.phraseTokens("Eve\nBcc: x") == ["\"Eve Bcc: x\""])
    }

    @Test func displayNames() {
        #expect(EncodedWordEncoder.phraseTokens("Aisha Khan") == ["Aisha", "Khan"])
        #expect(EncodedWordEncoder.phraseTokens("Khan, Aisha") == ["\"Khan, Aisha\""])
        #expect(EncodedWordEncoder.phraseTokens("Say \"hi\" \\o/") == ["\"Say \\\"hi\\\" \\\\o/\""])
        #expect(EncodedWordEncoder.phraseTokens("  ") == [])
        let arabic = EncodedWordEncoder.phraseTokens("دعم سويتشبورد")
        #expect(arabic.allSatisfy { $0.hasPrefix("=?UTF-8?B?") })
        #expect(ReferenceDecoders.encodedWords(arabic.joined(separator: " ")) == "دعم سويتشبورد")
    }
}
