import Testing
@testable import Triage

@Suite struct EvaluationReportTests {
    func result(_ category: TriageCategory, lang: String = "en", urgency: Urgency = .normal) -> TriageResult {
        TriageResult(
            category: category, confidence: 1, urgency: urgency, lang: lang, scores: CategoryScores(oneHot: category),
            modelScores: CategoryScores(oneHot: category), decidedBy: .model, isLowConfidence: false
        )
    }

    @Test func computesPerClassAndMacroScores() {
        let truth = [
            LabeledExample(text: "a", category: .billing, lang: "en"),
            LabeledExample(text: "b", category: .billing, lang: "en"),
            LabeledExample(text: "c", category: .support, lang: "ar"),
            LabeledExample(text: "d", category: .support, lang: "mixed"),
        ]
        let predictions = [result(.billing), result(.support), result(.support, lang: "ar"), result(.support, lang: "en")]
        let report = EvaluationReport(truth: truth, predictions: predictions)
        let billing = report.perClass[.billing]!
        #expect(billing.precision == 1)
        #expect(billing.recall == 0.5)
        #expect(abs(billing.f1 - 2.0 / 3.0) < 1e-12)
        let support = report.perClass[.support]!
        #expect(abs(support.precision - 2.0 / 3.0) < 1e-12)
        #expect(support.recall == 1)
        #expect(abs(report.macroF1 - (2.0 / 3.0 + 0.8) / 2) < 1e-12)
        #expect(report.confusion[TriageCategory.billing.index][TriageCategory.support.index] == 1)
        #expect(report.accuracy == 0.75)
        #expect(report.perLanguage["mixed"]?.count == 1)
        #expect(report.perLanguage["ar"]?.macroF1 == 1)
        #expect(report.languageAccuracy.total == 3)
        #expect(report.languageAccuracy.correct == 3)
        #expect(report.formatted().contains("macro-F1 per language"))
    }

    @Test func scoresUrgency() {
        let truth = [
            LabeledExample(text: "a", category: .billing, urgency: .high),
            LabeledExample(text: "b", category: .billing, urgency: .normal),
        ]
        let report = EvaluationReport(truth: truth, predictions: [result(.billing, urgency: .high), result(.billing, urgency: .high)])
        #expect(report.urgencyHigh?.recall == 1)
        #expect(report.urgencyHigh?.precision == 0.5)
    }
}
