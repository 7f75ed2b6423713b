/// Everything that defines the feature space. It is stored in the model file, because weights only mean
/// something under the exact settings (and lexicon version) they were trained with.
public struct FeatureSettings: Sendable, Hashable, Codable {
    /// Bumped whenever normalisation, hashing or the built-in lexicon changes meaning.
    public static let currentVersion = 1

    public var version: Int
    /// log2 of the hashed buckets of the category head (2^18 = 262,144).
    public var categoryBits: Int
    /// log2 of the hashed buckets of the language head; language needs fewer distinctions.
    public var languageBits: Int
    /// Longest character n-gram; n-grams run from 1 to this, within word boundaries.
    public var maxCharN: Int
    /// Longest character n-gram the language head reads.
    public var languageMaxCharN: Int
    /// Relative weight of each feature group after each group is length-normalised.
    public var charWeight: Float
    public var wordWeight: Float
    public var conceptWeight: Float
    /// Longest prefix of a message that is read, in Unicode scalars.
    public var maxScalars: Int

    public init(
        version: Int = FeatureSettings.currentVersion,
        categoryBits: Int = 18,
        languageBits: Int = 16,
        maxCharN: Int = 5,
        languageMaxCharN: Int = 3,
        charWeight: Float = 1,
        wordWeight: Float = 0.8,
        conceptWeight: Float = 1.5,
        maxScalars: Int = 4096
    ) {
        self.version = version
        self.categoryBits = categoryBits
        self.languageBits = languageBits
        self.maxCharN = maxCharN
        self.languageMaxCharN = languageMaxCharN
        self.charWeight = charWeight
        self.wordWeight = wordWeight
        self.conceptWeight = conceptWeight
        self.maxScalars = maxScalars
    }
}
