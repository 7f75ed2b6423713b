import Testing
@testable import Mail

@Suite struct AutoReplyDetectorTests {
    private func reason(_ headers: String, body: String = "Hello") throws -> String? {
        try EmailParser.parse("From: A <a@mail.example>\n" + headers + "\n\n" + body).autoReplyReason
    }

    @Test func signalsInPriorityOrder() throws {
        #expect(try reason("Content-Type: multipart/report; report-type=delivery-status; boundary=b\nAuto-Submitted: auto-replied", body: "--b\n\nx\n--b--") == "bounce: delivery-status")
        #expect(try EmailParser.parse("From: MAILER-DAEMON@mx.example\nSubject: Undeliverable\n\nx").autoReplyReason == "bounce: mailer-daemon")
        #expect(try EmailParser.parse("From: postmaster@mx.example\n\nx").autoReplyReason == "bounce: mailer-daemon")
        #expect(try reason("Auto-Submitted: Auto-Replied; owner-email=a@x\nX-Autoreply: yes") == "auto-submitted: auto-replied")
        #expect(try reason("X-Autoreply: yes\nPrecedence: bulk") == "x-autoreply")
        #expect(try reason("X-Autorespond: yes\nPrecedence: bulk") == "x-autorespond")
        #expect(try reason("Precedence: Junk\nX-Auto-Response-Suppress: All") == "precedence: junk")
        #expect(try reason("Precedence: auto_reply") == "precedence: auto_reply")
        #expect(try reason("X-Auto-Response-Suppress: All\nSubject: Automatic reply: x") == "x-auto-response-suppress")
    }

    static let automaticSubjects: [String] = [
        "Automatic reply: Refund", "Auto reply: order", "Out of Office: Re: order", "AUTOMATIC REPLY: x",
        "Out of Office AutoReply: x", "رد تلقائي: طلب", "Balasan Otomatis: Pesanan", "ตอบกลับอัตโนมัติ: คำสั่งซื้อ",
        "Trả lời tự động: Đơn hàng", "Réponse automatique : commande", "Automatische Antwort: Bestellung",
        "Respuesta automática: pedido", "Resposta automática: pedido", "Balasan Automatik: pesanan",
        "स्वचालित उत्तर: ऑर्डर", "خودکار جواب: آرڈر", "自动回复: 订单",
    ]

    @Test(arguments: automaticSubjects)
    func autoReplySubjects(subject: String) throws {
        let r = try #require(try reason("Subject: " + subject))
        #expect(r.hasPrefix("subject: "))
    }

    static let humanSubjects: [String] = [
        "Re: Automatic reply: Refund request", "RE: Out of Office: order", "Fwd: Automatic reply: x",
        "Invoice still has wrong GSTIN (was out of office last week)", "رد: طلب الاسترجاع", "رد: رد تلقائي: طلب",
        "لم يصلني أي رد تلقائي", "Automatic reply", "Question about auto reply settings", "Vacation: can I pause my order?",
    ]

    @Test(arguments: humanSubjects)
    func noFalsePositivesOnHumanSubjects(subject: String) throws {
        #expect(try reason("Subject: " + subject) == nil)
    }

    @Test func noFalsePositivesOnOtherHeadersOrBody() throws {
        #expect(try reason("Auto-Submitted: no") == nil)
        #expect(try reason("AUTO-SUBMITTED: NO (manual)") == nil)
        #expect(try reason("Precedence: list") == nil)
        #expect(try reason("Subject: Hi", body: "I was out of office. رد تلقائي. Automatic reply: nothing") == nil)
        // A forwarded bounce: the report is inside, the outer message is a person's.
        let forwarded = """
        Subject: Fwd: Undelivered Mail Returned to Sender
        Content-Type: multipart/mixed; boundary=o

        --o
        Content-Type: text/plain

        Why did this bounce?
        --o
        Content-Type: message/rfc822

        From: MAILER-DAEMON@mx.example
        Content-Type: multipart/report; report-type=delivery-status; boundary=i

        --i

        failed
        --i--
        --o--
        """
        #expect(try reason(forwarded) == nil)
    }
}
