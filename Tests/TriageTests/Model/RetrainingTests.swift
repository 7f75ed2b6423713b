import Testing
@testable import Triage

@Suite struct RetrainingTests {
    @Test func aCorrectionChangesSimilarUnseenMessages() {
        let base = Fixtures.model
        let unseen = "the courier never picked up parcel 5521 from our warehouse"
        let before = base.classify(text: unseen, channel: .whatsapp)
        #expect(before.category != .bugReport)

        let corrections = [
            LabeledExample(text: "the courier never picked up the parcel from our warehouse", category: .bugReport, channel: .whatsapp),
            LabeledExample(text: "courier pickup did not happen, parcel still in warehouse", category: .bugReport, channel: .whatsapp),
        ]
        let retrained = base.retrained(with: corrections)
        #expect(retrained.classify(text: unseen, channel: .whatsapp).category == .bugReport)
        #expect(retrained.metadata.correctionCount == 2)
    }

    @Test func leavesUnrelatedPredictionsAlone() {
        let base = Fixtures.model
        let retrained = base.retrained(with: [
            LabeledExample(text: "the courier never picked up the parcel", category: .bugReport),
        ])
        let unrelated = ["thank you so much 🙏", "please add a dark mode", "I want to cancel my subscription"]
        for text in unrelated {
            #expect(retrained.classify(text: text).category == base.classify(text: text).category, "\(text)")
        }
        #expect(base.retrained(with: []).serialized() == base.serialized())
    }

    @Test func survivesASerialisationRoundTrip() throws {
        let retrained = Fixtures.model.retrained(with: [
            LabeledExample(text: "parcel stuck at customs", category: .support, urgency: .high),
        ])
        let loaded = try TriageModel(data: retrained.serialized())
        #expect(loaded.classify(text: "parcel stuck at customs") == retrained.classify(text: "parcel stuck at customs"))
    }
}
