import Foundation
import Testing

@testable import SMTPClient

@Suite struct OutgoingEmailRenderingTests {
    static func sample(body: String = "Hello,\nyour refund is on its way.\n", subject: String = "Re: Refund [#42]") -> OutgoingEmail {
        OutgoingEmail(
            from: Mailbox(name: "Switchboard Support", address: "support@example.com"),
            to: [Mailbox(name: "Aisha Khan", address: "aisha@customer.example")],
            subject: subject, body: body, messageID: "1b4e28ba-2fa1-11d2-883f-0016d3cca427@example.com",
            inReplyTo: "<CAF=abc@mail.customer.example>", references: ["<first@mail.customer.example>"],
            date: Date(timeIntervalSince1970: 1_751_360_703))
    }

    /// Splits rendered octets into unfolded header fields and the body.
    static func split(_ bytes: [UInt8]) -> (headers: [(String, String)], body: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let end = text.range(of: "\r\n\r\n")!
        let headerText = ReferenceDecoders.unfold(String(text[..<end.lowerBound]))
        let headers = headerText.components(separatedBy: "\r\n").map { line in
            let colon = line.firstIndex(of: ":")!
            return (String(line[..<colon]), String(line[line.index(after: colon)...].dropFirst()))
        }
        return (headers, Array(text[end.upperBound...].utf8))
    }

    static func value(_ name: String, in headers: [(String, String)]) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    @Test func writesTheHeadersThreadingNeeds() {
        let rendered = Self.sample().rendering(eightBit: true)
        let (headers, body) = Self.split(rendered.bytes)
        #expect(headers.map(\.0) == [
            "Date", "From", "To", "Subject", "Message-ID", "In-Reply-To", "References", "MIME-Version", "Content-Type",
            "Content-Transfer-Encoding",
        ])
        #expect(Self.value("Date", in: headers) == "Tue, 01 Jul 2025 09:05:03 +0000")
        #expect(Self.value("From", in: headers) == "Switchboard Support <support@example.com>")
        #expect(Self.value("To", in: headers) == "Aisha Khan <aisha@customer.example>")
        #expect(Self.value("Subject", in: headers) == "Re: Refund [#42]")
        #expect(Self.value("Message-ID", in: headers) == "<1b4e28ba-2fa1-11d2-883f-0016d3cca427@example.com>")
        #expect(Self.value("In-Reply-To", in: headers) == "<CAF=abc@mail.customer.example>")
        #expect(Self.value("References", in: headers) == "<first@mail.customer.example> <CAF=abc@mail.customer.example>")
        #expect(Self.value("Content-Type", in: headers) == "text/plain; charset=utf-8")
        #expect(Self.value("Content-Transfer-Encoding", in: headers) == "7bit")
        #expect(rendered.bodyEncoding == .sevenBit)
        #expect(!rendered.requiresSMTPUTF8)
        #expect(String(decoding: body, as: UTF8.self) == "Hello,\r\nyour refund is on its way.\r\n")
    }

    @Test func onlyCRLFLineBreaks() {
        let bytes = Self.sample(body: "a\rb\nc\r\nd").rendered(eightBit: true)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.hasSuffix("\r\n\r\na\r\nb\r\nc\r\nd\r\n"))
    }

    @Test func autoRepliesAreMarked() {
        var email = Self.sample()
        #expect(Self.value("Auto-Submitted", in: Self.split(email.rendered(eightBit: true)).headers) == nil)
        email.isAutoReply = true
        #expect(Self.value("Auto-Submitted", in: Self.split(email.rendered(eightBit: true)).headers) == "auto-replied")
    }

    @Test func arabicBodyGoesAsEightBitWhenAllowed() {
        let text = "مرحباً عائشة،\nتم استرداد المبلغ.\n"
        let rendered = Self.sample(body: text).rendering(eightBit: true)
        let (headers, body) = Self.split(rendered.bytes)
        #expect(rendered.bodyEncoding == .eightBit)
        #expect(Self.value("Content-Transfer-Encoding", in: headers) == "8bit")
        #expect(String(decoding: body, as: UTF8.self) == text.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func thaiBodyGoesAsQuotedPrintableWithoutEightBit() {
        let text = "สวัสดีครับ คุณสมชาย\nเราได้รับเรื่องแล้ว\n"
        let rendered = Self.sample(body: text).rendering(eightBit: false)
        let (headers, body) = Self.split(rendered.bytes)
        #expect(rendered.bodyEncoding == .quotedPrintable)
        #expect(Self.value("Content-Transfer-Encoding", in: headers) == "quoted-printable")
        #expect(body.allSatisfy { $0 < 0x80 })
        #expect(ReferenceDecoders.quotedPrintable(body) == Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }

    @Test func overLongLinesAreEncodedEvenWithEightBit() {
        let text = String(repeating: "word ", count: 300)
        let rendered = Self.sample(body: text).rendering(eightBit: true)
        #expect(rendered.bodyEncoding == .quotedPrintable)
        for line in String(decoding: rendered.bytes, as: UTF8.self).components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 998)
        }
    }

    @Test func nonASCIISubjectAndNamesAreEncoded() {
        var email = Self.sample(subject: "Re: مشكلة في الفاتورة [#42]")
        email.from.name = "دعم سويتشبورد"
        email.to = [Mailbox(name: "Nguyễn Văn An", address: "an@example.vn"), Mailbox(name: "Doe, Jane", address: "jane@example.com")]
        let bytes = email.rendered(eightBit: true)
        let (headers, _) = Self.split(bytes)
        let headerBytes = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        #expect(headerBytes.utf8.allSatisfy { $0 < 0x80 })
        #expect(ReferenceDecoders.encodedWords(Self.value("Subject", in: headers)!) == "Re: مشكلة في الفاتورة [#42]")
        #expect(Self.value("Subject", in: headers)!.hasSuffix(" [#42]"))
        #expect(ReferenceDecoders.encodedWords(Self.value("From", in: headers)!) == "دعم سويتشبورد <support@example.com>")
        let to = Self.value("To", in: headers)!
        #expect(to.hasSuffix("\"Doe, Jane\" <jane@example.com>"))
        #expect(ReferenceDecoders.encodedWords(to)?.hasPrefix("Nguyễn Văn An <an@example.vn>,") == true)
    }

    @Test func headerLinesStayShortForLongSubjects() {
        let subject = "Re: " + String(repeating: "طلب استرداد المبلغ ", count: 20) + String(repeating: "x", count: 950) + " [#42]"
        let bytes = Self.sample(subject: subject).rendered(eightBit: true)
        let headerText = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        for line in headerText.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 998)
        }
        let (headers, _) = Self.split(bytes)
        #expect(ReferenceDecoders.encodedWords(Self.value("Subject", in: headers)!) == subject)
    }

    @Test func badIdsAndHeadersCannotBreakTheMessage() {
        var email = Self.sample()
        email.references = ["<good@x>", "bad id@x", "<inj\r\nBcc: v@x>", ""]
        email.inReplyTo = nil
        email.extraHeaders = [
            OutgoingHeader(name: "X-Switchboard-Ticket", value: "42"),
            OutgoingHeader(name: "Bcc", value: "victim@example.com"),
            OutgoingHeader(name: "Bad Name", value: "x"),
            OutgoingHeader(name: "X-Note", value: "line1\r\nBcc: victim@example.com"),
        ]
        let (headers, _) = Self.split(email.rendered(eightBit: true))
        #expect(Self.value("References", in: headers) == "<good@x>")
        #expect(Self.value("X-Switchboard-Ticket", in: headers) == "42")
        #expect(Self.value("X-Note", in: headers) == "line1 Bcc: victim@example.com")
        #expect(Self.value("Bcc", in: headers) == nil)
        #expect(!headers.contains { $0.0 == "Bad Name" })
    }

    @Test func internationalisedAddressesNeedSMTPUTF8() {
        var email = Self.sample()
        #expect(!email.rendering(eightBit: true).requiresSMTPUTF8)
        email.to = [Mailbox(address: "عائشة@مثال.example")]
        #expect(email.rendering(eightBit: true).requiresSMTPUTF8)
    }

    @Test func validation() {
        var email = Self.sample()
        #expect(email.validationProblem == nil)
        email.to = []
        #expect(email.validationProblem != nil)
        email.to = [Mailbox(address: "a@b\r\nRCPT TO:<x@y>")]
        #expect(email.validationProblem?.contains("recipient") == true)
        email.to = [Mailbox(address: "no-at-sign")]
        #expect(email.validationProblem != nil)
        email = Self.sample()
        email.messageID = "not an id"
        #expect(email.validationProblem != nil)
        email.messageID = OutgoingEmail.makeMessageID(domain: "example.com")
        #expect(email.validationProblem == nil)
        #expect(email.messageID.hasSuffix("@example.com"))
    }
}
