/// Settings for learning from agents' corrections on top of a trained model.
public struct RetrainingConfiguration: Sendable {
    /// How much more a correction counts than one training example.
    public var correctionWeight: Float
    public var epochs: Int
    public var learningRate: Float
    /// L2 pull towards the base model's weights, so that a handful of corrections moves the model only
    /// where they have evidence.
    public var priorStrength: Float
    public var seed: UInt64

    public init(correctionWeight: Float = 8, epochs: Int = 30, learningRate: Float = 0.2, priorStrength: Float = 0.01, seed: UInt64 = 17) {
        self.correctionWeight = correctionWeight
        self.epochs = epochs
        self.learningRate = learningRate
        self.priorStrength = priorStrength
        self.seed = seed
    }
}
