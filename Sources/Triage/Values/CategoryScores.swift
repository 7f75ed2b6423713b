/// A probability per category, stored inline (no dictionary per message on the hot path).
public struct CategoryScores: Sendable, Hashable, Sequence {
    var values: SIMD8<Double>

    init(values: SIMD8<Double>) {
        self.values = values
    }

    /// All mass on one category, for decisions made by a signal or a rule.
    public init(oneHot category: TriageCategory) {
        var values = SIMD8<Double>()
        values[category.index] = 1
        self.values = values
    }

    public subscript(category: TriageCategory) -> Double {
        values[category.index]
    }

    /// The category with the highest score; ties go to the earlier category.
    public var best: TriageCategory {
        var best = TriageCategory.support
        for category in TriageCategory.allCases where values[category.index] > values[best.index] {
            best = category
        }
        return best
    }

    public var dictionary: [TriageCategory: Double] {
        Dictionary(uniqueKeysWithValues: TriageCategory.allCases.map { ($0, values[$0.index]) })
    }

    public func makeIterator() -> some IteratorProtocol<(category: TriageCategory, score: Double)> {
        TriageCategory.allCases.map { (category: $0, score: values[$0.index]) }.makeIterator()
    }
}
