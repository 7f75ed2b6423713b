import Testing
@testable import Mail

/// Quote, signature and tagline stripping, in the forms mail clients write in each language.
@Suite struct ReplyTextExtractorTests {
    private let reply = "Thanks, the parcel arrived today.\nOne item is missing though.\n\nPriya"
    private let quoted = "> Dear Priya,\n> your order has shipped.\n>\n> Bazaarly Support"
    private let history = "Dear customer,\nyour order has shipped.\n\nRegards,\nBazaarly Support"

    static let attributions: [String] = [
        "On Tue, Mar 11, 2025 at 6:02 PM Bazaarly Support <support@bazaarly.example> wrote:",
        "On Tue, Mar 11, 2025 at 6:02 PM Bazaarly Support <\nsupport@bazaarly.example> wrote:",
        "On Tue, Mar 11, 2025 at 6:02 PM Bazaarly Support\n<support@bazaarly.example> wrote:",
        "On 11 Mar 2025, at 18:02, Bazaarly Support <support@bazaarly.example> wrote:",
        "في الثلاثاء، 4 مارس 2025 في 9:30 ص، \u{200F}Bazaarly Support\u{200F} <support@bazaarly.example> كتب:",
        "Pada tanggal Sen, 3 Mar 2025 pukul 10.15 Bazaarly Support <support@bazaarly.example> menulis:",
        "Pada Isn, 3 Mac 2025 pada 10:15 PG, Bazaarly Support <support@bazaarly.example> menulis:",
        "Vào Th 2, 3 thg 3, 2025 vào lúc 14:05 Bazaarly Support <support@bazaarly.example> đã viết:",
        "Le lun. 3 mars 2025 à 10:15, Bazaarly Support <support@bazaarly.example> a écrit :",
        "सोम, 3 मार्च 2025 को 10:15 am बजे Bazaarly Support <support@bazaarly.example> ने लिखा:",
        "پیر، 3 مارچ، 2025 کو 10:15 AM Bazaarly Support <support@bazaarly.example> نے لکھا:",
        "เมื่อ จ. 3 มี.ค. 2568 เวลา 10:15 Bazaarly Support <support@bazaarly.example> เขียนว่า:",
        "Noong Lun, Mar 3, 2025 nang 10:15 AM, sumulat si Bazaarly Support <support@bazaarly.example>:",
        "El lun, 3 mar 2025 a las 10:15, Bazaarly Support (<support@bazaarly.example>) escribió:",
        "Am Mo., 3. März 2025 um 10:15 Uhr schrieb Bazaarly Support <support@bazaarly.example>:",
        "Em seg., 3 de mar. de 2025 às 10:15, Bazaarly Support <support@bazaarly.example> escreveu:",
        "Bazaarly Support wrote:",
    ]

    @Test(arguments: attributions)
    func topPostedReplyStopsAtAttribution(attribution: String) {
        let text = reply + "\n\n" + attribution + "\n" + quoted
        #expect(ReplyTextExtractor.newText(from: text) == reply)
    }

    @Test(arguments: attributions)
    func attributionWithUnquotedHistoryStillCuts(attribution: String) throws {
        // HTML-converted replies carry the history without ">" markers.
        guard attribution.contains("@") else { return }
        let text = reply + "\n\n" + attribution + "\n\n" + history
        #expect(ReplyTextExtractor.newText(from: text) == reply)
    }

    static let headerBlocks: [String] = [
        "From: Bazaarly Support <support@bazaarly.example>\nSent: Tuesday, March 4, 2025 11:02 AM\nTo: Priya <priya@mail.example>\nSubject: RE: Order",
        "________________________________\nFrom: Bazaarly Support <support@bazaarly.example>\nSent: Tuesday, March 4, 2025 11:02 AM\nTo: Priya\nCc: Sales <sales@bazaarly.example>\nSubject: RE: Order",
        "*From:* Bazaarly Support <support@bazaarly.example>\n*Sent:* Tuesday, March 4, 2025 11:02 AM\n*To:* Priya\n*Subject:* RE: Order",
        "من: Bazaarly Support <support@bazaarly.example>\nتاريخ الإرسال: الثلاثاء، 4 مارس 2025 11:02 ص\nإلى: أحمد <ahmed@mail.example>\nالموضوع: RE: طلب",
        "Dari: Bazaarly Support <support@bazaarly.example>\nDikirim: Selasa, 04 Maret 2025 11.02\nKepada: Budi <budi@mail.example>\nPerihal: RE: Pesanan",
        "Daripada: Bazaarly Support <support@bazaarly.example>\nTarikh: Selasa, 4 Mac 2025 11:02 PG\nKepada: Aisyah\nSubjek: RE: Pesanan",
        "De : Bazaarly Support <support@bazaarly.example>\nEnvoyé : mardi 4 mars 2025 11:02\nÀ : Youssef <y@mail.example>\nObjet : RE: Commande",
        "Từ: Bazaarly Support <support@bazaarly.example>\nĐã gửi: Thứ Ba, 4 tháng 3, 2025 11:02\nĐến: Lan\nChủ đề: RE: Đơn hàng",
        "จาก: Bazaarly Support <support@bazaarly.example>\nส่ง: 4 มีนาคม 2568 11:02\nถึง: สมชาย\nเรื่อง: RE: คำสั่งซื้อ",
        "प्रेषक: Bazaarly Support <support@bazaarly.example>\nभेजा गया: मंगलवार, 4 मार्च 2025 11:02\nप्रति: राहुल\nविषय: RE: ऑर्डर",
        "Von: Bazaarly Support <support@bazaarly.example>\nGesendet: Dienstag, 4. März 2025 11:02\nAn: Kunde\nBetreff: AW: Bestellung",
        "De: Bazaarly Support <support@bazaarly.example>\nEnviado el: martes, 4 de marzo de 2025 11:02\nPara: Cliente\nAsunto: RE: Pedido",
        "-----Original Message-----\nFrom: Bazaarly Support <support@bazaarly.example>\nSent: Friday, 28 February 2025 4:40 PM",
        "-------- Original Message --------",
        "---------- Forwarded message ---------\nFrom: Bazaarly Support <support@bazaarly.example>\nDate: Mon, Mar 3, 2025 at 10:15 AM\nSubject: Order\nTo: <priya@mail.example>",
        "---------- Pesan terusan ---------\nDari: Bazaarly Support <support@bazaarly.example>\nDate: Sen, 3 Mar 2025 pukul 10.15\nSubject: Pesanan\nTo: <budi@mail.example>",
        "-----Pesan Asli-----",
        "----- الرسالة الأصلية -----",
        "Begin forwarded message:",
    ]

    @Test(arguments: headerBlocks)
    func topPostedReplyStopsAtHeaderBlock(block: String) {
        let text = reply + "\n\n" + block + "\n\n" + history
        #expect(ReplyTextExtractor.newText(from: text) == reply)
    }

    static let taglines: [String] = [
        "Sent from my iPhone", "Sent from my Samsung Galaxy smartphone.", "Get Outlook for Android",
        "Dikirim dari iPhone saya", "Dihantar dari telefon pintar Samsung Galaxy saya.",
        "أُرسلت من الـ iPhone", "تم الإرسال من iPhone", "Envoyé de mon iPhone", "Enviado desde mi iPhone",
        "Enviado do meu iPhone", "Von meinem iPhone gesendet", "Gửi từ iPhone của tôi", "ส่งจาก iPhone ของฉัน",
        "मेरे iPhone से भेजा गया", "میرے iPhone سے بھیجا گیا", "Ipinadala mula sa aking iPhone",
    ]

    @Test(arguments: taglines)
    func deviceTaglineIsRemoved(tagline: String) {
        #expect(ReplyTextExtractor.newText(from: reply + "\n\n" + tagline) == reply)
        let withQuote = reply + "\n\n" + tagline + "\n\n" + Self.attributions[0] + "\n" + quoted
        #expect(ReplyTextExtractor.newText(from: withQuote) == reply)
    }

    @Test func signatureIsRemovedButSignOffKept() {
        let text = reply + "\n\n-- \nPriya Nair\nHead of Procurement\n+91 98 7654 3210"
        #expect(ReplyTextExtractor.newText(from: text) == reply)
    }

    @Test func bottomPostedReplyKeepsTextBelowQuote() {
        let text = Self.attributions[0] + "\n" + quoted + "\n\n" + reply + "\n\nSent from my iPhone"
        #expect(ReplyTextExtractor.newText(from: text) == reply)
    }

    @Test func interleavedReplyKeepsEveryAnswer() {
        let text = "> Which colour did you order?\nBlue.\n\n> And the size?\nLarge, please.\n"
        #expect(ReplyTextExtractor.newText(from: text) == "Blue.\n\nLarge, please.")
    }

    @Test func forwardWithoutNoteYieldsForwardedText() {
        let text = "---------- Forwarded message ---------\nFrom: Courier <noreply@courier.example>\nDate: Mon, Mar 3, 2025 at 10:15 AM\nSubject: Delivery failed\nTo: <priya@mail.example>\n\nWe could not deliver parcel 7781."
        #expect(ReplyTextExtractor.newText(from: text) == "We could not deliver parcel 7781.")
    }

    @Test func ordinaryTextIsKept() {
        let texts = [
            "On Monday I ordered 3 items:\n- a kettle\n- two mugs\n\nOnly the kettle came.",
            "From: Jakarta\nTo: Bandung\nThe parcel is stuck in Bandung since Monday.",
            "My colleague wrote to you last week about order BZ-1.\nNo answer yet.",
            "Order: BZ-123\nName: Ahmed\nEmail: ahmed@mail.example\nPhone: 0551234567",
        ]
        for text in texts {
            #expect(ReplyTextExtractor.newText(from: text) == text)
        }
    }

    @Test func onlyQuotedTextGivesEmptyNewText() {
        #expect(ReplyTextExtractor.newText(from: quoted) == "")
    }

    @Test func greetingAboveInterleavedAnswersIsKept() {
        let text = "Hi,\n\n> Which colour?\nBlue.\n\n> Size?\nLarge.\n\nThanks\nAna"
        #expect(ReplyTextExtractor.newText(from: text) == "Hi,\n\nBlue.\n\nLarge.\n\nThanks\nAna")
    }

    @Test func lotusNotesAttributionAndHelpdeskMarker() {
        let notes = "Still broken.\n\nBazaarly Support <support@bazaarly.example> wrote on 03/03/2025 10:15:00 AM:\n\n> Please retry."
        #expect(ReplyTextExtractor.newText(from: notes) == "Still broken.")
        let helpdesk = "Yes, please refund.\n\n##- Please type your reply above this line -##\n\nYour request #123 was updated."
        #expect(ReplyTextExtractor.newText(from: helpdesk) == "Yes, please refund.")
    }

    /// The helpdesk marker is found on the bytes before any line is normalised; what normalising removes
    /// (case, bidi and zero-width marks, tatweel) must not hide it.
    @Test(arguments: [
        "##- Please type your reply ABOVE this line -##",
        "##- Please type your reply ab\u{200B}ove this line -##",
        "\u{200F}##- Please type your reply a\u{200F}b\u{FEFF}o\u{2066}v\u{0640}e this line -##",
        "Please write above  this   line",
    ])
    func helpdeskMarkerSurvivesNormalisation(marker: String) {
        let text = "Yes, please refund.\n\n\(marker)\n\nYour request #123 was updated."
        #expect(ReplyTextExtractor.newText(from: text) == "Yes, please refund.")
    }

    @Test func wordsNearTheHelpdeskPhraseAreNotAMarker() {
        #expect(!ReplyTextExtractor.mayNormalizeToContain("we moved ab ove the line", "above"))
        #expect(!ReplyTextExtractor.mayNormalizeToContain("abov", "above"))
        #expect(ReplyTextExtractor.mayNormalizeToContain("xxABOVE", "above"))
        #expect(ReplyTextExtractor.mayNormalizeToContain("a\u{064B}bove", "above"))
    }

    @Test(arguments: ["", "a", "a\n", "\n\n", "one\ntwo\n\nfour", "ع\nب\u{200F}\n", "\u{1F600}"])
    func linesSplitAtEveryLineFeed(text: String) {
        let expected = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
        #expect(ReplyTextExtractor.lines(of: text) == expected)
    }

    @Test func newTextOfUnquotedTextIsTheTrimmedText() {
        #expect(ReplyTextExtractor.newText(from: "\n  Hello,\n\nthe parcel is late.\n \u{A0}") == "Hello,\n\nthe parcel is late.")
    }

    @Test func signatureDelimiterFromHTMLHasNoTrailingSpace() {
        #expect(ReplyTextExtractor.newText(from: "Thanks\n\n--\nPriya Nair\nAcme") == "Thanks")
    }
}
