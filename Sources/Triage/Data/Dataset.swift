/// Labeled examples read from a file, with a count of the rows that were skipped and why, so that a
/// growing hand-written corpus with an odd line does not stop training.
public struct Dataset: Sendable {
    public var examples: [LabeledExample]
    public var skipped: Int
    public var skipReasons: [String]

    public init(examples: [LabeledExample] = [], skipped: Int = 0, skipReasons: [String] = []) {
        self.examples = examples
        self.skipped = skipped
        self.skipReasons = skipReasons
    }

    mutating func skip(_ reason: String) {
        skipped += 1
        if skipReasons.count < 5 { skipReasons.append(reason) }
    }
}
