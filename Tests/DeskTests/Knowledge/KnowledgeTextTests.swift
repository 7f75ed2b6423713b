import Desk
import Testing

@Suite("Knowledge text")
struct KnowledgeTextTests {
    @Test("folding: Arabic letter forms and harakat, Latin diacritics, Eastern digits, full-width forms")
    func folding() {
        #expect(KnowledgeText.fold("أَسْتَرِدُّ الفاتورة إلى") == KnowledgeText.fold("استرد الفاتوره الي"))
        #expect(KnowledgeText.fold("Hóa Đơn") == "hoa don")
        #expect(KnowledgeText.fold("٣٠ يوم") == "30 يوم")
        #expect(KnowledgeText.fold("ＯＴＰ") == "otp")
    }

    @Test("words keep Arabizi digits and Devanagari signs, and split hyphens and punctuation")
    func words() {
        #expect(KnowledgeText.words("el flous et5asamet marten!!") == ["el", "flous", "et5asamet", "marten"])
        #expect(KnowledgeText.words("पासवर्ड भूल गया") == ["पासवर्ड", "भूल", "गया"])
        #expect(KnowledgeText.words("na-charge po ako (2x)") == ["na", "charge", "po", "ako", "2x"])
    }

    @Test("search terms drop function words in every language and repeats")
    func terms() {
        #expect(KnowledgeText.searchTerms("how do I get a refund for my refund?") == ["refund"])
        #expect(KnowledgeText.searchTerms("refund kab tak aayega account me?") == ["refund", "aayega", "account"])
        #expect(KnowledgeText.searchTerms("paano po mag-add ng cashier") == ["add", "cashier"])
        #expect(KnowledgeText.searchTerms("هل في طريقة للاسترداد؟") == ["طريقه", "للاسترداد"])
    }

    @Test("stems meet across inflections; non-English words stay whole")
    func stems() {
        #expect(KnowledgeText.stem("charged") == KnowledgeText.stem("charges"))
        #expect(KnowledgeText.stem("delivered") == KnowledgeText.stem("delivery"))
        #expect(KnowledgeText.stem("invoices") == KnowledgeText.stem("invoice"))
        #expect(KnowledgeText.stem("pembayaran") == "pembayaran")
        #expect(KnowledgeText.stem("otp") == "otp")
    }

    @Test("plain text: emphasis, links, code, list markers and table rules removed")
    func plain() {
        let markdown = "- Open **Settings → Billing** and [read this](https://x)\n| Plan | Reply |\n|---|---|\n| Starter | `24h` |"
        #expect(KnowledgeText.plain(markdown) == "Open Settings → Billing and read this\nPlan · Reply\n\nStarter · 24h")
    }
}
