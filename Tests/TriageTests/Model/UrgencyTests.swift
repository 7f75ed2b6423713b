import Testing
@testable import Triage

@Suite struct UrgencyTests {
    let model = Fixtures.model

    @Test(arguments: [
        "please fix this urgent", "need it ASAP", "عاجل لو سمحت", "jaldi karo bhai", "foran theek karein",
        "tolong segera", "cần xử lý gấp", "ด่วนครับ", "ayusin niyo agad", "help!!!",
        "our lawyer will contact you", "my account was hacked", "the site is down for all customers",
    ])
    func explicitSignalsFireTheRule(_ text: String) {
        let extractor = FeatureExtractor(settings: FeatureSettings())
        #expect(UrgencyDetector.ruleFires(extractor.analyze(text)), "\(text)")
    }

    @Test(arguments: [
        "the app crashes on every order, fix it urgent", "login is broken, need it fixed ASAP",
        "جاي عاجل: التطبيق يقفل لحاله", "app crash ho raha hai, jaldi dekho",
    ])
    func explicitSignalsMakeRequestsHigh(_ text: String) {
        #expect(model.classify(text: text, channel: .whatsapp).urgency == .high, "\(text)")
    }

    @Test func plainQuestionsDoNotFireTheRule() {
        let extractor = FeatureExtractor(settings: FeatureSettings())
        #expect(!UrgencyDetector.ruleFires(extractor.analyze("how do I add a new user?")))
        #expect(!UrgencyDetector.ruleFires(extractor.analyze("please add a dark mode!")))
    }

    @Test func moneyTakenWronglyIsHigh() {
        #expect(model.classify(text: "you charged me twice for the same plan").urgency == .high)
        #expect(model.classify(text: "kepotong 2x buat langganan").urgency == .high)
    }

    @Test func ordinaryQuestionsAreNormal() {
        #expect(model.classify(text: "how do I add a new user", channel: .whatsapp).urgency == .normal)
        #expect(model.classify(text: "please add a dark mode", channel: .whatsapp).urgency == .normal)
    }

    @Test func noActionIsNeverUrgent() throws {
        var ruled = model
        ruled.rules = [try TriageRule(name: "spam", keywords: ["guaranteed"], category: .noAction)]
        let result = ruled.classify(text: "GUARANTEED first page ranking!!! urgent offer", channel: .email)
        #expect(result.category == .noAction)
        #expect(result.urgency == .normal)
    }
}
