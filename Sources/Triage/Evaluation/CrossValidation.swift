/// Seeded, stratified k-fold assignment.
public enum CrossValidation {
    /// The fold (0..<k) of each example. Stratified by category; within a category, examples are
    /// ordered by language before dealing them out, so every fold also gets a share of each language.
    public static func stratifiedFolds(_ examples: [LabeledExample], k: Int, seed: UInt64) -> [Int] {
        precondition(k >= 2, "k-fold needs k >= 2")
        var rng = SplitMix64(seed: seed)
        var folds = [Int](repeating: 0, count: examples.count)
        var byCategory: [TriageCategory: [Int]] = [:]
        for (i, example) in examples.enumerated() { byCategory[example.category, default: []].append(i) }
        var offset = 0
        for category in TriageCategory.allCases {
            var members = byCategory[category] ?? []
            members.shuffle(using: &rng)
            members.sort { (examples[$0].lang ?? "") < (examples[$1].lang ?? "") }
            for (position, index) in members.enumerated() {
                folds[index] = (position + offset) % k
            }
            offset += members.count
        }
        return folds
    }
}
