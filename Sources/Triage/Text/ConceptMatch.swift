/// One lexicon hit: a concept and where its pattern starts in `NormalizedText.scalars`.
public struct ConceptMatch: Sendable, Hashable {
    public var concept: Concept
    public var start: Int
    public var end: Int
    /// The concept's position in `Concept.allCases`, cached for hashing.
    var ordinal: UInt32
}
