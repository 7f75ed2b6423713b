import Foundation
import Testing
@testable import Triage

/// Sanity checks of the model shipped as this module's resource (`make model` rebuilds it).
@Suite struct ShippedModelTests {
    /// How fast it loads is a benchmark (`make bench-triage`), not a test.
    @Test func loadsFromTheBundle() throws {
        let model = try TriageModel.load(path: nil, environment: [:])
        #expect(model.languages.count == 12)
        #expect(model.metadata.exampleCount > 1_000)
        #expect(model.metadata.attribution.contains("Banking77"))
    }

    @Test(arguments: [
        ("I would like to close my account and stop the subscription", TriageCategory.churnRisk, "en"),
        ("the app crashes every time I try to print a receipt", .bugReport, "en"),
        ("could you add an option to print labels in bulk", .featureRequest, "en"),
        ("شكرا جزيلا", .noAction, "ar"),
        ("ขอบคุณครับ", .noAction, "th"),
        ("Tolong kirim ulang invoice bulan lalu", .billing, "id"),
    ])
    func classifiesObviousMessages(_ text: String, _ category: TriageCategory, _ lang: String) throws {
        let model = try TriageModel.load(path: nil, environment: [:])
        let result = model.classify(text: text, channel: .whatsapp)
        #expect(result.category == category, "\(text)")
        #expect(result.lang == lang, "\(text)")
    }

    @Test func learnsFromCorrectionsWithoutTrainingData() throws {
        let model = try TriageModel.load(path: nil, environment: [:])
        let unseen = "courier did not come for the pickup today, parcels still waiting here"
        #expect(model.classify(text: unseen, channel: .whatsapp).category == .support)
        // Agents decide that missed pickups are a fault of the courier integration.
        let corrections = [
            LabeledExample(text: "the courier never picked up the parcel from our warehouse", category: .bugReport, channel: .whatsapp),
            LabeledExample(text: "pickup was booked but no courier came, parcels still here", category: .bugReport, channel: .whatsapp),
        ]
        let retrained = model.retrained(with: corrections)
        #expect(retrained.classify(text: unseen, channel: .whatsapp).category == .bugReport)
        #expect(retrained.classify(text: "how do I add a new cashier account?", channel: .whatsapp).category == .support)
    }
}
