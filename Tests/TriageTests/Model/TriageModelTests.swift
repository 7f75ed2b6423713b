import Foundation
import Testing
@testable import Triage

@Suite struct TriageModelTests {
    let model = Fixtures.model

    @Test func classifiesTheTrainingSetMostlyRight() {
        let correct = Fixtures.examples.filter { model.classify(text: $0.text, channel: $0.channel).category == $0.category }
        #expect(correct.count >= Fixtures.examples.count * 9 / 10)
    }

    @Test(arguments: [
        ("how can I change my password", TriageCategory.support),
        ("you charged me twice, refund please", .billing),
        ("we want to cancel and move to a competitor", .churnRisk),
        ("please add an option to export to excel", .featureRequest),
        ("the app crashes after the update", .bugReport),
        ("thanks a lot 🙏", .noAction),
    ])
    func classifiesUnseenMessages(_ text: String, _ expected: TriageCategory) {
        #expect(model.classify(text: text, channel: .whatsapp).category == expected, "\(text)")
    }

    @Test func scoresAreAProbabilityDistribution() {
        let result = model.classify(text: "my invoice is wrong", channel: .email)
        let total = result.scores.reduce(0) { $0 + $1.score }
        #expect(abs(total - 1) < 1e-9)
        #expect(result.confidence == result.scores[result.category])
        #expect(result.scores.best == result.category)
        #expect(result.decidedBy == .model)
    }

    @Test func flagsLowConfidence() {
        var strict = model
        strict.lowConfidenceThreshold = 1.01
        #expect(strict.classify(text: "hello").isLowConfidence)
        var lenient = model
        lenient.lowConfidenceThreshold = 0
        #expect(!lenient.classify(text: "hello").isLowConfidence)
    }

    @Test func autoReplyIsNoActionWhateverTheText() {
        let result = model.classify(text: "URGENT: the app crashes, refund me now!!!", channel: .email, isAutoReply: true)
        #expect(result.category == .noAction)
        #expect(result.urgency == .normal)
        #expect(result.decidedBy == .autoReply)
        #expect(result.confidence == 1)
        #expect(!result.isLowConfidence)
    }

    @Test func rulesOverrideTheModel() throws {
        var ruled = model
        ruled.rules = [
            try TriageRule(name: "vip", keywords: ["acme corp"], urgency: .high),
            try TriageRule(name: "gdpr", pattern: #"\bGDPR\b|data deletion"#, category: .support),
            try TriageRule(name: "email-invoices", keywords: ["invoice*"], channel: .email, category: .billing),
        ]
        let gdpr = ruled.classify(text: "thanks, and please handle my GDPR request", channel: .whatsapp)
        #expect(gdpr.category == .support)
        #expect(gdpr.decidedBy == .rule(name: "gdpr"))
        #expect(gdpr.scores[.support] == 1)

        let vip = ruled.classify(text: "Hello from ACME Corp, thanks", channel: .whatsapp)
        #expect(vip.urgency == .high)
        #expect(vip.decidedBy == .model)

        let whatsappInvoice = ruled.classify(text: "the app crashes when I open invoices", channel: .whatsapp)
        #expect(whatsappInvoice.decidedBy == .model)
        let emailInvoice = ruled.classify(text: "the app crashes when I open invoices", channel: .email)
        #expect(emailInvoice.category == .billing)
    }

    @Test func autoReplyComesBeforeRules() throws {
        var ruled = model
        ruled.rules = [try TriageRule(name: "all", keywords: ["office"], category: .support)]
        #expect(ruled.classify(text: "I am out of office", channel: .email, isAutoReply: true).category == .noAction)
        #expect(ruled.classify(text: "I am out of office", channel: .email).category == .support)
    }

    @Test func rejectsInvalidRules() {
        #expect(throws: TriageRuleError.self) { try TriageRule(name: "empty", category: .billing) }
        #expect(throws: TriageRuleError.self) { try TriageRule(name: "no-action", keywords: ["x"]) }
        #expect(throws: TriageRuleError.self) { try TriageRule(name: "bad", pattern: "([", category: .billing) }
    }

    @Test func survivesHostileInput() {
        let inputs = [
            "",
            String(repeating: "🙂", count: 50),
            String(repeating: "a", count: 1 << 20),
            String(repeating: "refund ", count: 150_000),
            "\u{200F}\u{202E}\u{2066}\u{200E}",
            "\u{202B}عاجل\u{202C} \u{200F}refund\u{200E}",
            String(repeating: "\u{0301}", count: 1_000),
            "\0\u{1}\u{7F}",
        ]
        for text in inputs {
            let result = model.classify(text: text, channel: .whatsapp)
            #expect(result.confidence >= 0 && result.confidence <= 1)
            #expect(TriageCategory.allCases.contains(result.category))
        }
        #expect(model.classify(text: "").lang == "und")
        #expect(model.classify(text: "🙂👍🙏").lang == "und")
    }

    @Test func survivesInvalidUTF8Bytes() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x72, 0x65, 0x66, 0x75, 0x6E, 0x64, 0xC0, 0x80, 0xED, 0xA0, 0x80]
        let result = model.classify(utf8: bytes, channel: .email)
        #expect(TriageCategory.allCases.contains(result.category))
        let random = (0..<4_096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        _ = model.classify(utf8: random)
    }

    @Test func identifiesScriptsDirectly() {
        #expect(model.language(of: "สวัสดีครับ อยากยกเลิก") == "th")
        #expect(model.language(of: "मुझे रिफंड चाहिए") == "hi")
        #expect(model.language(of: "ٹھیک ہے، شکریہ") == "ur")
        #expect(model.language(of: "فاتورة الشهر غلط") == "ar")
        #expect(model.language(of: "Báo cáo doanh thu bị sai") == "vi")
        #expect(model.language(of: "안녕하세요") == "ko")
        #expect(model.language(of: "1234 !!") == "und")
    }

    @Test func identifiesLatinScriptLanguagesWithTheModel() {
        #expect(model.language(of: "how do I reset my password") == "en")
        #expect(model.language(of: "kak tolong tambah fitur cetak") == "id")
    }
}
