import Testing
@testable import Triage

@Suite struct TriageTrainerTests {
    @Test func isDeterministicForASeed() {
        let first = TriageTrainer(configuration: Fixtures.configuration).train(Fixtures.examples)
        let second = TriageTrainer(configuration: Fixtures.configuration).train(Fixtures.examples)
        #expect(first.weights.category == second.weights.category)
        #expect(first.weights.language == second.weights.language)
        for example in Fixtures.examples.prefix(8) {
            #expect(first.classify(text: example.text) == second.classify(text: example.text))
        }
    }

    @Test func reportsProgressPerEpoch() {
        final class Box: @unchecked Sendable {
            var phases: [TrainingProgress] = []
        }
        let box = Box()
        var configuration = Fixtures.configuration
        configuration.epochs = 3
        _ = TriageTrainer(configuration: configuration).train(Fixtures.examples) { box.phases.append($0) }
        #expect(box.phases.filter { $0.phase == .training }.map(\.epoch) == [1, 2, 3])
        let losses = box.phases.filter { $0.phase == .training }.map(\.loss)
        #expect(losses.last! < losses.first!)
    }

    @Test func calibrationFitsATemperature() {
        var configuration = Fixtures.configuration
        configuration.calibrationFraction = 0.3
        let model = TriageTrainer(configuration: configuration).train(Fixtures.examples)
        #expect(model.temperature > 0.05 && model.temperature < 20)
    }

    @Test func learnsUrgencyFromLabels() {
        let model = Fixtures.model
        let high = model.classify(text: "payment failed but the money was taken, charged twice", channel: .whatsapp)
        #expect(high.urgency == .high)
    }
}
