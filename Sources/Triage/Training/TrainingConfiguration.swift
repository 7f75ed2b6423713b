/// Hyper-parameters of `TriageTrainer`. The defaults are what `make model` uses.
public struct TrainingConfiguration: Sendable {
    public var features: FeatureSettings
    public var languages: [String]
    public var epochs: Int
    /// AdaGrad step size.
    public var learningRate: Float
    /// L2 penalty, applied to the weights an example touches (lazy regularisation).
    public var l2: Float
    /// 0 leaves class frequencies alone, 1 weighs every class equally; in between dampens.
    public var classBalancePower: Float
    /// Extra weight on churn_risk examples: missing churn costs more than a false alarm.
    public var churnBoost: Float
    /// Weight of the urgency loss relative to the category loss.
    public var urgencyWeight: Float
    /// Fraction of the calibration pool held out to fit the temperature; 0 skips calibration.
    public var calibrationFraction: Double
    /// When set, the calibration pool is the examples whose `source` starts with this prefix (for
    /// example the hand-labeled development data, the closest thing to real traffic); otherwise, or
    /// when fewer than 20 examples match, it is every example not from a public set.
    public var calibrationSourcePrefix: String?
    public var seed: UInt64
    /// Threads for feature extraction.
    public var threads: Int
    public var urgencyThreshold: Float
    public var lowConfidenceThreshold: Double

    public init(
        features: FeatureSettings = FeatureSettings(),
        languages: [String] = ["en", "ar", "ar-Latn", "hi", "hi-Latn", "ur", "ur-Latn", "id", "ms", "tl", "th", "vi"],
        epochs: Int = 6,
        learningRate: Float = 0.25,
        l2: Float = 1e-6,
        classBalancePower: Float = 0.5,
        churnBoost: Float = 1.2,
        urgencyWeight: Float = 1,
        calibrationFraction: Double = 0.15,
        calibrationSourcePrefix: String? = nil,
        seed: UInt64 = 20_240_601,
        threads: Int = 2,
        urgencyThreshold: Float = 0.4,
        lowConfidenceThreshold: Double = 0.5
    ) {
        self.features = features
        self.languages = languages
        self.epochs = epochs
        self.learningRate = learningRate
        self.l2 = l2
        self.classBalancePower = classBalancePower
        self.churnBoost = churnBoost
        self.urgencyWeight = urgencyWeight
        self.calibrationFraction = calibrationFraction
        self.calibrationSourcePrefix = calibrationSourcePrefix
        self.seed = seed
        self.threads = threads
        self.urgencyThreshold = urgencyThreshold
        self.lowConfidenceThreshold = lowConfidenceThreshold
    }
}
