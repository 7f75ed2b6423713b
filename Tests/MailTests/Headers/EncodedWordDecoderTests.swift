import Testing
@testable import Mail

@Suite struct EncodedWordDecoderTests {
    private func decode(_ s: String) -> String {
        EncodedWordDecoder.decodeUnstructured(Array(s.utf8)[...])
    }

    @Test func bAndQWords() {
        #expect(decode("=?UTF-8?B?2KPYrdmF2K8=?=") == "أحمد")
        #expect(decode("=?ISO-8859-1?Q?Probl=E8me_de_livraison?=") == "Problème de livraison")
        #expect(decode("=?utf-8?q?H=C3=A0ng?=") == "Hàng")
    }

    @Test func whitespaceBetweenAdjacentWordsIsDropped() {
        #expect(decode("=?UTF-8?Q?a?= =?UTF-8?Q?b?=") == "ab")
        #expect(decode("=?UTF-8?Q?a?=\r\n =?UTF-8?Q?b?=") == "ab")
        #expect(decode("=?UTF-8?Q?a?= \t =?ISO-8859-1?Q?b?=") == "ab")
    }

    @Test func whitespaceNextToPlainTextIsKept() {
        #expect(decode("Giao =?utf-8?q?H=C3=A0ng?= Nhanh") == "Giao Hàng Nhanh")
        #expect(decode("Re: =?utf-8?b?2KfYs9iq2KjYr9in2YQ=?=") == "Re: استبدال")
        #expect(decode("=?utf-8?b?4oCT?= payment") == "– payment")
    }

    @Test func multibyteCharacterSplitAcrossWords() {
        // "ह" = E0 A4 B9 split over two Q words.
        #expect(decode("=?UTF-8?Q?=E0=A4?= =?UTF-8?Q?=B9?=") == "ह")
    }

    @Test func legacyCharsetsInWords() {
        #expect(decode("=?TIS-620?B?ysGq0sIg46i01Q==?=") == "สมชาย ใจดี")
        #expect(decode("=?windows-1256?B?3e3V4SDe0e3U7A==?=") == "فيصل قريشى")
        #expect(decode("=?ISO-8859-6?Q?=E1=C7=CA=E8=D1=C9?=") == "فاتورة")
    }

    @Test func malformedWordsStayLiteral() {
        #expect(decode("=?UTF-8?X?abc?=") == "=?UTF-8?X?abc?=")
        #expect(decode("=?UTF-8?Q?a b?=") == "=?UTF-8?Q?a b?=")
        #expect(decode("price =? 10") == "price =? 10")
        #expect(decode("=?utf-8*en?q?hi?=") == "hi")
    }

    @Test func foldedPlainTextUnfolds() {
        #expect(decode("need to return order BZ-18804 before\r\n the deadline") == "need to return order BZ-18804 before the deadline")
    }

    @Test func raw8BitHeaderText() {
        #expect(EncodedWordDecoder.decodeUnstructured(Array("Đơn hàng".utf8)[...]) == "Đơn hàng")
        #expect(EncodedWordDecoder.decodeUnstructured([0x43, 0x61, 0x66, 0xE9][...]) == "Café")
    }
}
