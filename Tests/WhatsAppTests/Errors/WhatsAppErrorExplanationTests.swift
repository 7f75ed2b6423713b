import Testing
@testable import WhatsApp

@Suite struct WhatsAppErrorExplanationTests {
    @Test(arguments: [63016, 63018, 63019, 63024, 63032, 21211, 21408, 21610, 131047, 131026, 131051, 130429, 131056])
    func everyCodeInTheBriefIsExplained(_ code: Int) throws {
        let explanation = try #require(WhatsAppErrorExplanation.lookup(code))
        #expect(explanation.code == code)
        #expect(explanation.provider == (code >= 100_000 ? .meta : .twilio))
        #expect(explanation.plainWords.count > 40)
        #expect(!explanation.title.isEmpty)
    }

    @Test func codesAreUnique() {
        let codes = WhatsAppErrorExplanation.table.map(\.code)
        #expect(Set(codes).count == codes.count)
    }

    @Test func windowErrorsNeedATemplateAndRateLimitsAreRetryable() {
        #expect(WhatsAppErrorExplanation.lookup(63016)?.needsTemplate == true)
        #expect(WhatsAppErrorExplanation.lookup(131047)?.needsTemplate == true)
        #expect(WhatsAppErrorExplanation.lookup(63016)?.plainWords == WhatsAppWindow.outsideWindowExplanation)
        #expect(WhatsAppErrorExplanation.lookup(130429)?.isRetryable == true)
        #expect(WhatsAppErrorExplanation.lookup(131056)?.isRetryable == true)
        #expect(WhatsAppErrorExplanation.lookup(63018)?.isRetryable == true)
        #expect(WhatsAppErrorExplanation.lookup(21610)?.isRetryable == false)
    }

    @Test func unknownAndTextualCodes() {
        #expect(WhatsAppErrorExplanation.lookup(99999) == nil)
        #expect(WhatsAppErrorExplanation.lookup(" 63019 ")?.code == 63019)
        #expect(WhatsAppErrorExplanation.lookup("") == nil)
        #expect(WhatsAppErrorExplanation.lookup(nil as String?) == nil)
    }
}
