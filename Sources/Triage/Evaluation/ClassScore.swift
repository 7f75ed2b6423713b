/// Precision, recall and F1 of one class.
public struct ClassScore: Sendable, Hashable {
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// Rows whose true label is this class.
    public var support: Int

    init(truePositives: Int, predicted: Int, actual: Int) {
        precision = predicted > 0 ? Double(truePositives) / Double(predicted) : 0
        recall = actual > 0 ? Double(truePositives) / Double(actual) : 0
        f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        support = actual
    }
}
