import Testing
@testable import Triage

@Suite struct CrossValidationTests {
    @Test func foldsAreStratifiedAndSeeded() {
        let examples = Fixtures.examples
        let folds = CrossValidation.stratifiedFolds(examples, k: 4, seed: 9)
        #expect(folds == CrossValidation.stratifiedFolds(examples, k: 4, seed: 9))
        #expect(folds != CrossValidation.stratifiedFolds(examples, k: 4, seed: 10))
        for category in TriageCategory.allCases {
            let counts = (0..<4).map { fold in zip(examples, folds).filter { $0.0.category == category && $0.1 == fold }.count }
            #expect(counts.max()! - counts.min()! <= 1, "\(category) \(counts)")
        }
    }

    @Test func neverTestsOnTrainingRows() {
        var configuration = Fixtures.configuration
        configuration.epochs = 2
        let duplicate = Fixtures.examples[0]
        let result = CrossValidation.run(
            examples: Fixtures.examples, alwaysTrain: [duplicate], k: 3, seed: 1, trainer: TriageTrainer(configuration: configuration)
        )
        #expect(result.predictions.count == Fixtures.examples.count)
        #expect(result.droppedDuplicates == 1)
        #expect(result.report.count == Fixtures.examples.count)
    }
}
