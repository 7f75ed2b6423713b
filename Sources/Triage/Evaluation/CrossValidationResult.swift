/// The outcome of `CrossValidation.run`: every example predicted by a model that never saw it.
public struct CrossValidationResult: Sendable {
    public var report: EvaluationReport
    public var examples: [LabeledExample]
    public var predictions: [TriageResult]
    public var folds: [Int]
    /// Always-train rows dropped because their normalised text equals a test row's (leak guard).
    public var droppedDuplicates: Int
    public var trainingSeconds: Double
}
