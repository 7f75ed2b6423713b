/// How much of each public data set goes into training. They are large, off-domain (banking, e-commerce,
/// voice assistant) and only English and Arabic, so each intent is capped and their rows weigh less than
/// the in-domain corpus.
public struct PublicDatasetOptions: Sendable {
    /// Rows kept per intent, per source.
    public var perIntentCap: [String: Int]
    /// Training weight of every public row.
    public var weight: Float
    public var seed: UInt64

    public init(
        perIntentCap: [String: Int] = ["bitext": 40, "clinc150": 30, "banking77": 20, "arbanking77": 20],
        weight: Float = 0.5,
        seed: UInt64 = 7
    ) {
        self.perIntentCap = perIntentCap
        self.weight = weight
        self.seed = seed
    }
}
