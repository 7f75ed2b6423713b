import Desk
import Foundation
import Testing

@Suite("Drafting")
struct DraftingTests {
    @Test("the vague-reply guard fires on deferrals without a time, in English, Arabic and Hinglish")
    func vague() {
        for text in ["thanks, will check and get back to you", "سنعود إليك", "check karke batata hoon", "Let me check"] {
            #expect(VagueReplyGuard.isVague(text), "\(text)")
        }
        for text in ["We'll check and get back to you by 4 pm today", "سنعود إليك غداً", "check karke aaj shaam tak batata hoon",
                     "Your refund of AED 299 left today", "Hi Omar, the duplicate charge was refunded."] {
            #expect(!VagueReplyGuard.isVague(text), "\(text)")
        }
    }

    @Test("WhatsApp drafts are short with the facts; email drafts have greeting, paragraphs and signature")
    func tone() {
        let drafter = ReplyDrafter(teamName: "Bazaarly Support")
        let whatsapp = drafter.draft(customerName: "Omar Haddad", lang: "en", channel: .whatsapp, facts: "refund approved, 5 working days")
        #expect(whatsapp.text.contains("Hi Omar"))
        #expect(whatsapp.text.contains("Refund approved, 5 working days."))
        #expect(!whatsapp.text.contains("\n"))
        let email = drafter.draft(customerName: "Priya Nair", lang: "en", channel: .email, facts: "the sync fix ships Friday")
        #expect(email.text.hasPrefix("Hi Priya,\n\n"))
        #expect(email.text.hasSuffix("Bazaarly Support"))
        let arabic = drafter.draft(customerName: "عمر", lang: "ar", channel: .whatsapp, facts: nil)
        #expect(arabic.lang == "ar" && arabic.note == nil)
        let thai = drafter.draft(customerName: "Somchai", lang: "th", channel: .whatsapp, facts: nil)
        #expect(thai.lang == "en" && thai.note != nil, "no Thai template: English with a note to the agent")
    }

    static let refunds = KnowledgeReference(
        title: "Refunds and when the money reaches you", url: "https://help.example/en/refunds", lang: "en",
        passage: "Cards: 5–7 working days to appear on your statement.")

    @Test("with an article and no facts, the passage answers and the link follows, in one WhatsApp line")
    func articleOnWhatsApp() {
        let draft = ReplyDrafter().draft(customerName: "Priya Nair", lang: "en", channel: .whatsapp, facts: nil, article: Self.refunds)
        #expect(draft.text == "Hi Priya 👋 Cards: 5–7 working days to appear on your statement. Step by step: https://help.example/en/refunds Anything else I can help with?")
        #expect(draft.article == Self.refunds)
        #expect(draft.note == nil)
        #expect(!VagueReplyGuard.isVague(draft.text), "a passage with a time is a real answer")
    }

    @Test("email: facts, then the passage and the link as paragraphs of their own")
    func articleInEmail() {
        let draft = ReplyDrafter(teamName: "Bazaarly Support").draft(
            customerName: "Priya Nair", lang: "en", channel: .email, facts: "we refunded INV-2041 today", article: Self.refunds)
        let paragraphs = draft.text.components(separatedBy: "\n\n")
        #expect(paragraphs[2] == "We refunded INV-2041 today.")
        #expect(paragraphs[3] == Self.refunds.passage)
        #expect(paragraphs[4] == "The full guide is here: https://help.example/en/refunds")
        #expect(draft.text.hasSuffix("Bazaarly Support"))
    }

    @Test("an article in another language is linked without quoting it, and the agent is told")
    func articleInAnotherLanguage() {
        let draft = ReplyDrafter().draft(customerName: "Siti", lang: "id", channel: .whatsapp, facts: "refund sudah kami proses hari ini", article: Self.refunds)
        #expect(draft.lang == "id")
        #expect(!draft.text.contains("Cards:"))
        #expect(draft.text.contains("Panduan lengkapnya: https://help.example/en/refunds"))
        #expect(draft.note?.contains("the article is in en") == true)
        let arabic = KnowledgeReference(title: "استرداد", url: "https://help.example/ar/refunds", lang: "ar", passage: "نعيد المبلغ خلال 5 إلى 7 أيام عمل.")
        let matched = ReplyDrafter().draft(customerName: "عمر", lang: "ar", channel: .whatsapp, facts: nil, article: arabic)
        #expect(matched.text.contains("نعيد المبلغ خلال 5 إلى 7 أيام عمل. التفاصيل هنا: https://help.example/ar/refunds"))
        #expect(matched.note == nil)
    }
}

