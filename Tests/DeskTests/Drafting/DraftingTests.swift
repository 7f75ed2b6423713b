import Desk
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
}
