/// A training example after feature extraction.
struct EncodedExample: Sendable {
    var features: FeatureSet
    var category: Int
    /// 1 high, 0 normal, -1 unknown.
    var urgency: Int8
    /// Index into the language classes, -1 unknown (or a data label such as `mixed`).
    var language: Int8
    var weight: Float
    var inDomain: Bool
    /// Matches `TrainingConfiguration.calibrationSourcePrefix`.
    var preferredForCalibration: Bool
}
