import Foundation

extension CrossValidation {
    /// Stratified k-fold cross-validation of `examples`. Each fold trains on `alwaysTrain` plus the other
    /// folds and predicts the held-out fold. Rows of `alwaysTrain` whose normalised text equals a test
    /// row are left out of that fold's training, so a copy of a test message in the corpus cannot leak.
    public static func run(
        examples: [LabeledExample],
        alwaysTrain: [LabeledExample],
        k: Int,
        seed: UInt64,
        trainer: TriageTrainer,
        log: (String) -> Void = { _ in }
    ) -> CrossValidationResult {
        let folds = stratifiedFolds(examples, k: k, seed: seed)
        let normalizer = TextNormalizer()
        let exampleKeys = examples.map { normalizer.normalize($0.text).scalars }
        let trainKeys = alwaysTrain.map { normalizer.normalize($0.text).scalars }
        var predictions = [TriageResult?](repeating: nil, count: examples.count)
        var dropped = 0
        var seconds = 0.0
        for fold in 0..<k {
            let testIndices = examples.indices.filter { folds[$0] == fold }
            let testKeys = Set(testIndices.map { exampleKeys[$0] })
            var training: [LabeledExample] = []
            for (example, key) in zip(alwaysTrain, trainKeys) {
                if testKeys.contains(key) {
                    dropped += 1
                } else {
                    training.append(example)
                }
            }
            training += examples.indices.filter { folds[$0] != fold }.map { examples[$0] }
            let started = Date()
            let model = trainer.train(training)
            seconds += Date().timeIntervalSince(started)
            for i in testIndices {
                predictions[i] = model.classify(text: examples[i].text, channel: examples[i].channel)
            }
            log("fold \(fold + 1)/\(k): trained on \(training.count) rows, tested \(testIndices.count)")
        }
        let resolved = predictions.compactMap { $0 }
        precondition(resolved.count == examples.count, "every example belongs to exactly one fold")
        return CrossValidationResult(
            report: EvaluationReport(truth: examples, predictions: resolved),
            examples: examples,
            predictions: resolved,
            folds: folds,
            droppedDuplicates: dropped,
            trainingSeconds: seconds
        )
    }
}
