import Foundation
import Testing
@testable import Mail

/// Whole messages through `EmailParser.parse`, for structures the dev corpus does not cover.
@Suite struct EmailParserTests {
    private func parse(_ s: String) throws -> ParsedEmail {
        try EmailParser.parse(s)
    }

    @Test func noHeaderSectionThrows() {
        #expect(throws: EmailParserError.noHeaderSection) { try EmailParser.parse([UInt8]()) }
        #expect(throws: EmailParserError.noHeaderSection) { try self.parse("Just some text\nwithout headers\n") }
        #expect(throws: EmailParserError.noHeaderSection) { try self.parse("\n\nHello") }
    }

    @Test func headersOnlyAndMboxFromLine() throws {
        let m = try parse("From someone@example Mon Mar  3 10:00:00 2025\nFrom: a@mail.example\nSubject: Hi")
        #expect(m.fromAddress == "a@mail.example")
        #expect(m.subject == "Hi")
        #expect(m.text == "")
        #expect(m.lang == nil)
        #expect(m.contractJSON().hasSuffix("\"lang\":\"und\"}"))
    }

    @Test func headerAccess() throws {
        let m = try parse("From: A <a@mail.example>\r\nTo: B <b@x.example>, c@y.example\r\nCc: d@z.example\r\nDate: Mon, 03 Mar 2025 09:12:44 +0800\r\nX-Custom: =?UTF-8?Q?caf=C3=A9?=\r\nX-Custom: second\r\n\r\nbody")
        #expect(m.headers["x-custom"] == "café")
        #expect(m.headers.values("X-CUSTOM") == ["café", "second"])
        #expect(m.toAddresses.map(\.address) == ["b@x.example", "c@y.example"])
        #expect(m.ccAddresses.map(\.address) == ["d@z.example"])
        #expect(m.date?.timeIntervalSince1970 == 1_740_964_364)
        #expect(m.text == "body")
    }

    @Test func appleMailTextFragmentsBelongToText() throws {
        let m = try parse("""
        From: a@mail.example
        Content-Type: multipart/mixed; boundary="Apple-Mail=_1"

        --Apple-Mail=_1
        Content-Transfer-Encoding: 7bit
        Content-Type: text/plain; charset=us-ascii

        Here is the broken lid:
        --Apple-Mail=_1
        Content-Disposition: inline; filename=IMG_0042.jpeg
        Content-Type: image/jpeg; name="IMG_0042.jpeg"
        Content-Transfer-Encoding: base64

        /9j/4AAQ
        --Apple-Mail=_1
        Content-Transfer-Encoding: 7bit
        Content-Type: text/plain; charset=us-ascii

        Please send a replacement.
        --Apple-Mail=_1--
        """)
        #expect(m.text == "Here is the broken lid:\nPlease send a replacement.")
        #expect(m.attachments == [EmailAttachment(filename: "IMG_0042.jpeg", contentType: "image/jpeg", size: 6)])
    }

    @Test func forwardedMessageAttachment() throws {
        let m = try parse("""
        From: a@mail.example
        Subject: Fwd: courier
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: text/plain

        See the courier's mail below.
        --b
        Content-Type: message/rfc822
        Content-Disposition: attachment; filename="courier.eml"

        From: courier@ship.example
        Subject: Delivery failed
        Message-ID: <inner@ship.example>

        We could not deliver.
        --b--
        """)
        #expect(m.text == "See the courier's mail below.")
        #expect(m.subject == "Fwd: courier")
        #expect(m.messageID == nil)
        #expect(m.attachments.count == 1)
        #expect(m.attachments.first?.contentType == "message/rfc822")
        #expect(m.attachments.first?.filename == "courier.eml")
    }

    @Test func onlyAForwardedMessageGivesItsText() throws {
        let m = try parse("""
        From: a@mail.example
        Content-Type: message/rfc822

        From: courier@ship.example
        Subject: Delivery failed
        Content-Type: text/html; charset=utf-8

        <p>We could not deliver parcel 7781.</p>
        """)
        #expect(m.text == "We could not deliver parcel 7781.")
        #expect(m.fromAddress == "a@mail.example")
    }

    @Test func missingClosingBoundaryAndTruncatedPart() throws {
        let m = try parse("""
        From: a@mail.example
        Content-Type: multipart/alternative; boundary="x"

        --x
        Content-Type: text/html; charset=utf-8

        <div>Hello there<br>second line</div>
        --x
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: base64

        SGVsbG8gdGhlcmU
        """)
        #expect(m.text == "Hello there")
    }

    @Test func multipartWithoutBoundaryParameter() throws {
        let m = try parse("""
        From: a@mail.example
        Content-Type: multipart/mixed

        --guess
        Content-Type: text/plain

        found it
        --guess--
        """)
        #expect(m.text == "found it")
    }

    @Test func emptyPlainFallsBackToHTMLAndHTMLQuotesAreStripped() throws {
        let m = try parse("""
        From: a@mail.example
        Content-Type: multipart/alternative; boundary="x"

        --x
        Content-Type: text/plain

        \u{20}
        --x
        Content-Type: text/html

        <div dir="ltr">Still waiting.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Mar 3, 2025 at 10:15 AM Support &lt;support@bazaarly.example&gt; wrote:<br></div><blockquote class="gmail_quote">Your order shipped.</blockquote></div>
        --x--
        """)
        #expect(m.text.hasPrefix("Still waiting."))
        #expect(m.text.contains("Your order shipped."))
        #expect(m.newText == "Still waiting.")
    }

    @Test func relatedInlineImageIsNotAnAttachmentButAStrayFileIs() throws {
        let m = try parse("""
        From: a@mail.example
        Content-Type: multipart/related; boundary="r"

        --r
        Content-Type: text/html

        <p>Photo:</p><img src="cid:photo1@x">
        --r
        Content-Type: image/png; name="photo.png"
        Content-Disposition: attachment; filename="photo.png"
        Content-ID: <photo1@x>
        Content-Transfer-Encoding: base64

        iVBORw0KGgo=
        --r
        Content-Type: application/pdf; name="invoice.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0=
        --r--
        """)
        #expect(m.text == "Photo:")
        #expect(m.attachments == [EmailAttachment(filename: "invoice.pdf", contentType: "application/pdf", size: 5)])
    }

    @Test func legacyCharsetBodies() throws {
        let vi = try EmailParser.parse(Array("From: a@x.example\nContent-Type: text/plain; charset=windows-1258\nContent-Transfer-Encoding: 8bit\n\n".utf8) + [0x56, 0x69, 0xEA, 0xF2, 0x74])
        #expect(vi.text == "Việt")
        let th = try EmailParser.parse(Array("From: a@x.example\nContent-Type: text/plain; charset=windows-874\n\n".utf8) + [0xCA, 0xC7, 0xD1, 0xCA, 0xB4, 0xD5])
        #expect(th.text == "สวัสดี")
        #expect(th.lang == "th")
    }

    @Test func mislabelledBodyUsesTheHeadersLegacyCharset() throws {
        // windows-1256 "مرحبا" in a body labelled UTF-8, from an Outlook whose headers say windows-1256.
        let raw = Array("From: =?windows-1256?B?3e3V4Q==?= <f@mail.example>\nContent-Type: text/plain; charset=utf-8\n\n".utf8)
            + [0xE3, 0xD1, 0xCD, 0xC8, 0xC7]
        let m = try EmailParser.parse(raw)
        #expect(m.fromName == "فيصل")
        #expect(m.text == "مرحبا")
    }

    @Test func quotedPrintableAndBase64Bodies() throws {
        let qp = try parse("From: a@x.example\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: Quoted-Printable\n\nCh=C3=A0o=\n anh, =E0=A4=\n=B9\n")
        #expect(qp.text == "Chào anh, ह")
        let b64 = try parse("From: a@x.example\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nU2VsYW1hdCBw\nYWdp\n")
        #expect(b64.text == "Selamat pagi")
    }

    @Test func bounceReportTextAndNoLeakFromReturnedMessage() throws {
        let m = try parse("""
        From: postmaster@mx.example
        Subject: Delivery Status Notification (Failure)
        Message-ID: <outer@mx.example>
        Content-Type: multipart/report; report-type=delivery-status; boundary="r"

        --r
        Content-Type: multipart/alternative; boundary="a"

        --a
        Content-Type: text/plain

        Delivery to the following recipient failed permanently.
        --a--
        --r
        Content-Type: message/delivery-status

        Final-Recipient: rfc822; x@y.example
        --r
        Content-Type: text/rfc822-headers

        Subject: Inner subject
        Message-ID: <inner@x>
        --r--
        """)
        #expect(m.text == "Delivery to the following recipient failed permanently.")
        #expect(m.subject == "Delivery Status Notification (Failure)")
        #expect(m.messageID == "outer@mx.example")
        #expect(m.attachments.isEmpty)
        #expect(m.autoReplyReason == "bounce: delivery-status")
    }

    @Test func deeplyNestedMultipartIsCapped() throws {
        var raw = "From: a@x.example\nContent-Type: multipart/mixed; boundary=b0\n\n"
        for level in 1...200 {
            raw += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n"
        }
        raw += "--b200\nContent-Type: text/plain\n\ndeep\n"
        let m = try parse(raw)
        #expect(m.fromAddress == "a@x.example")
    }
}
