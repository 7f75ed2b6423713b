import Testing
@testable import Mail

@Suite struct MIMEHeaderValueTests {
    private func parse(_ s: String) -> MIMEHeaderValue {
        MIMEHeaderValue.parse(Array(s.utf8)[...])
    }

    @Test func typeAndParameters() {
        let v = parse("Text/Plain; charset=\"UTF-8\"; format=flowed")
        #expect(v.value == "text/plain")
        #expect(v.parameters["charset"] == "UTF-8")
        #expect(v.parameters["format"] == "flowed")
    }

    @Test func foldedAndQuotedWithSemicolons() {
        let v = parse("multipart/mixed;\r\n\tboundary=\"----=_Part;1\"")
        #expect(v.value == "multipart/mixed")
        #expect(v.parameters["boundary"] == "----=_Part;1")
    }

    @Test func missingSemicolonBetweenParameters() {
        let v = parse("text/plain; charset=utf-8 format=flowed")
        #expect(v.parameters["charset"] == "utf-8")
        #expect(v.parameters["format"] == "flowed")
    }

    @Test func rfc2231ContinuationsJoinBytesBeforeCharset() {
        let v = parse("attachment;\r\n filename*0*=UTF-8''%D9%81%D8%A7%D8%AA%D9%88%D8%B1%D8%A9_%D8%A7%D9%84%D8%B7%D9%84%D8;\r\n filename*1*=%A8_;\r\n filename*2=\"BZ-80115.pdf\"")
        #expect(v.value == "attachment")
        #expect(v.parameters["filename"] == "فاتورة_الطلب_BZ-80115.pdf")
    }

    @Test func rfc2231SingleValueWithLanguageAndLegacyCharset() {
        #expect(parse("attachment; filename*=iso-8859-1'fr'facture%20n%E9e.pdf").parameters["filename"] == "facture née.pdf")
        #expect(parse("attachment; filename*=UTF-8''%E0%B8%AA.pdf; filename=\"fallback.pdf\"").parameters["filename"] == "ส.pdf")
        #expect(parse("attachment; filename*0=\"long \"; filename*1=\"name.txt\"").parameters["filename"] == "long name.txt")
    }

    @Test func encodedWordInQuotedValue() {
        let v = parse("application/pdf; name=\"=?UTF-8?B?2YHYp9iq2YjYsdipLnBkZg==?=\"")
        #expect(v.parameters["name"] == "فاتورة.pdf")
    }

    @Test func escapesInQuotedString() {
        #expect(parse("attachment; filename=\"a \\\"quoted\\\" name.txt\"").parameters["filename"] == "a \"quoted\" name.txt")
    }
}
