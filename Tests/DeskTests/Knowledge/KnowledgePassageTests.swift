@testable import Desk
import Testing

@Suite("Knowledge passages")
struct KnowledgePassageTests {
    static let article = KnowledgeArticle(
        path: "billing/refunds.md", title: "Refunds and when the money reaches you", tags: ["refund"], lang: "en",
        url: "https://help.example/refunds", body: """
            # Refunds and when the money reaches you

            We refund in full when you were charged by mistake. Monthly plans are not refunded for the current month.

            ## How to ask for one

            1. Open **Settings → Billing → Payment history**.
            2. Find the charge and tap **Request refund**.
            3. Tell us the reason in one line.

            ## How long it takes

            We send the refund the same working day it is approved.

            - **Cards**: 5–7 working days to appear on your statement.
            - **Bank transfer and e-wallets**: 1–3 working days.

            ## If the refund has not arrived

            Check that the card is still open. If nothing has arrived after 10 working days, reply with a screenshot.
            """)

    @Test("a question about timing gets the timing section, from its best sentence onwards")
    func timing() {
        let passage = KnowledgePassage.best(in: Self.article, for: "how many working days until the money is on my card?", limit: 300)
        #expect(passage.heading == "How long it takes")
        #expect(passage.text.contains("Cards: 5–7 working days"))
    }

    @Test("a question about time, in any language, gets the sentence that states a duration", arguments: [
        "how many days until the money shows on my card?", "kab tak paisa card me wapas aayega?", "berapa lama uangnya masuk ke kartu?",
    ])
    func durations(question: String) {
        let passage = KnowledgePassage.best(in: Self.article, for: question, limit: 300)
        #expect(passage.heading == "How long it takes", "\(question)")
        #expect(passage.text.contains("5–7 working days"))
    }

    @Test("durations are recognised in English, Arabic, Malay and Thai; \"when?\" in several languages")
    func durationWords() {
        #expect(KnowledgeDuration.isStated(in: "Cards take 5–7 working days."))
        #expect(KnowledgeDuration.isStated(in: "يصل خلال 5 إلى 7 أيام عمل"))
        #expect(KnowledgeDuration.isStated(in: "dalam 1 hari bekerja"))
        #expect(KnowledgeDuration.isStated(in: "ใช้ได้นาน 72 ชั่วโมง"))
        #expect(!KnowledgeDuration.isStated(in: "Starter has 3 staff logins and 1 outlet."))
        for question in ["when will it arrive", "متى يوصل", "refund kab milega", "kailan po", "bila masuk", "emta el flous"] {
            #expect(KnowledgeDuration.isAsked(in: KnowledgeText.words(question)), "\(question)")
        }
        #expect(!KnowledgeDuration.isAsked(in: KnowledgeText.words("how do I add a cashier")))
    }

    @Test("a how-to question gets every step from the first, not the middle of a list")
    func steps() {
        let passage = KnowledgePassage.best(in: Self.article, for: "where do I tap request refund?", limit: 300)
        #expect(passage.heading == "How to ask for one")
        #expect(passage.units.first?.hasPrefix("1. Open Settings") == true)
        #expect(passage.units.count == 3)
    }

    @Test("a missing refund gets the troubleshooting section")
    func notArrived() {
        let passage = KnowledgePassage.best(in: Self.article, for: "refund still hasn't arrived after two weeks", limit: 300)
        #expect(passage.heading == "If the refund has not arrived")
    }

    @Test("the limit is kept, cutting at a word when one sentence is too long")
    func limit() {
        let passage = KnowledgePassage.best(in: Self.article, for: "card statement working days", limit: 40)
        #expect(passage.text.count <= 40)
        #expect(!passage.text.isEmpty)
        #expect(passage.text.hasSuffix("…") || passage.units.count == 1)
    }

    @Test("nothing in common: the article's opening answers")
    func fallback() {
        let passage = KnowledgePassage.best(in: Self.article, for: "xyzzy", limit: 300)
        #expect(passage.heading == Self.article.title)
    }

    @Test("concepts pick the section when the question shares no words with it")
    func concepts() {
        let vocabulary = KnowledgeVocabulary(version: "test") { text in
            let folded = KnowledgeText.fold(text)
            return (folded.contains("arrived") || folded.contains("dumating") ? ["notReceived"] : [])
        }
        let passage = KnowledgePassage.best(in: Self.article, for: "hindi pa dumating", limit: 300, vocabulary: vocabulary)
        #expect(passage.heading == "If the refund has not arrived")
    }

    @Test("wrapped lines join into paragraphs; sentences split at full stops but not inside domains or after abbreviations")
    func sentenceUnits() {
        let units = KnowledgePassage.units(markdown: "Open status.bazaarly.example now. It updates every\n30 minutes! Then e.g. retry.\n\n- **Cards**: 5–7\n  working days.\n1. Step one.")
        #expect(units == ["Open status.bazaarly.example now.", "It updates every 30 minutes!", "Then e.g. retry.", "Cards: 5–7 working days.", "1. Step one."])
    }
}
