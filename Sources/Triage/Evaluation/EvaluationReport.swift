import Foundation

/// Scores of predictions against labels: per class, macro-F1, the confusion matrix, macro-F1 per
/// language, urgency, and language identification.
///
/// Macro-F1 averages over the classes that occur in the truth or the predictions (as scikit-learn does).
/// Per-language scores group rows by their labeled `lang`; the data label `mixed` is its own group, and
/// such rows are left out of language-identification accuracy.
public struct EvaluationReport: Sendable {
    public var perClass: [TriageCategory: ClassScore]
    public var macroF1: Double
    public var accuracy: Double
    /// `confusion[truth][predicted]`, indexed by `TriageCategory.index`.
    public var confusion: [[Int]]
    public var perLanguage: [String: (macroF1: Double, count: Int)]
    public var urgencyHigh: ClassScore?
    public var languageAccuracy: (correct: Int, total: Int)
    public var count: Int
    /// Expected calibration error of the model's confidence over 10 equal-width bins (0 is perfect).
    public var calibrationError: Double
    public var meanConfidence: Double

    public init(truth: [LabeledExample], predictions: [TriageResult]) {
        precondition(truth.count == predictions.count, "one prediction per example")
        count = truth.count
        let pairs = zip(truth.map(\.category), predictions.map(\.category)).map { ($0, $1) }
        (perClass, macroF1) = Self.scores(pairs)
        accuracy = truth.isEmpty ? 0 : Double(pairs.filter { $0.0 == $0.1 }.count) / Double(truth.count)
        var matrix = Array(repeating: Array(repeating: 0, count: 6), count: 6)
        for (actual, predicted) in pairs { matrix[actual.index][predicted.index] += 1 }
        confusion = matrix

        var groups: [String: [(TriageCategory, TriageCategory)]] = [:]
        for (example, prediction) in zip(truth, predictions) {
            groups[example.lang ?? "und", default: []].append((example.category, prediction.category))
        }
        perLanguage = groups.mapValues { (Self.scores($0).macro, $0.count) }

        var urgencyPairs: [(Urgency, Urgency)] = []
        var correctLanguage = 0
        var totalLanguage = 0
        for (example, prediction) in zip(truth, predictions) {
            if let urgency = example.urgency { urgencyPairs.append((urgency, prediction.urgency)) }
            if let lang = example.lang, lang != "mixed" {
                totalLanguage += 1
                if lang == prediction.lang { correctLanguage += 1 }
            }
        }
        if urgencyPairs.isEmpty {
            urgencyHigh = nil
        } else {
            let tp = urgencyPairs.filter { $0.0 == .high && $0.1 == .high }.count
            urgencyHigh = ClassScore(
                truePositives: tp,
                predicted: urgencyPairs.filter { $0.1 == .high }.count,
                actual: urgencyPairs.filter { $0.0 == .high }.count
            )
        }
        languageAccuracy = (correctLanguage, totalLanguage)

        var binCount = [Int](repeating: 0, count: 10)
        var binCorrect = [Double](repeating: 0, count: 10)
        var binConfidence = [Double](repeating: 0, count: 10)
        for (example, prediction) in zip(truth, predictions) {
            let bin = min(9, Int(prediction.confidence * 10))
            binCount[bin] += 1
            binConfidence[bin] += prediction.confidence
            if example.category == prediction.category { binCorrect[bin] += 1 }
        }
        var error = 0.0
        for bin in 0..<10 where binCount[bin] > 0 {
            error += abs(binCorrect[bin] - binConfidence[bin]) / Double(max(1, truth.count))
        }
        calibrationError = error
        meanConfidence = truth.isEmpty ? 0 : binConfidence.reduce(0, +) / Double(truth.count)
    }

    static func scores(_ pairs: [(TriageCategory, TriageCategory)]) -> (perClass: [TriageCategory: ClassScore], macro: Double) {
        var perClass: [TriageCategory: ClassScore] = [:]
        var present: [Double] = []
        for category in TriageCategory.allCases {
            let actual = pairs.filter { $0.0 == category }.count
            let predicted = pairs.filter { $0.1 == category }.count
            let tp = pairs.filter { $0.0 == category && $0.1 == category }.count
            let score = ClassScore(truePositives: tp, predicted: predicted, actual: actual)
            perClass[category] = score
            if actual > 0 || predicted > 0 { present.append(score.f1) }
        }
        let macro = present.isEmpty ? 0 : present.reduce(0, +) / Double(present.count)
        return (perClass, macro)
    }

    /// The report as aligned text, as `switchboard eval` prints it.
    public func formatted() -> String {
        var lines: [String] = []
        func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s : s + String(repeating: " ", count: width - s.count) }
        func number(_ value: Double) -> String { String(format: "%.3f", value) }
        lines.append("\(pad("class", 17)) precision recall  f1     support")
        for category in TriageCategory.allCases {
            guard let score = perClass[category] else { continue }
            lines.append("\(pad(category.rawValue, 17)) \(pad(number(score.precision), 9)) \(pad(number(score.recall), 7)) \(pad(number(score.f1), 6)) \(score.support)")
        }
        lines.append("macro-F1 \(number(macroF1))  accuracy \(number(accuracy))  rows \(count)")
        lines.append("mean confidence \(number(meanConfidence))  expected calibration error \(number(calibrationError))")
        lines.append("")
        lines.append("confusion (rows = truth, columns = predicted)")
        let short = ["sup", "bil", "chu", "fea", "bug", "noa"]
        lines.append(pad("", 17) + short.map { pad($0, 5) }.joined())
        for category in TriageCategory.allCases {
            lines.append(pad(category.rawValue, 17) + confusion[category.index].map { pad(String($0), 5) }.joined())
        }
        lines.append("")
        lines.append("macro-F1 per language")
        for (lang, value) in perLanguage.sorted(by: { $0.key < $1.key }) {
            lines.append("\(pad(lang, 9)) \(number(value.macroF1))  (\(value.count) rows)")
        }
        if let urgencyHigh {
            lines.append("")
            lines.append("urgency high: precision \(number(urgencyHigh.precision)) recall \(number(urgencyHigh.recall)) f1 \(number(urgencyHigh.f1)) support \(urgencyHigh.support)")
        }
        if languageAccuracy.total > 0 {
            let share = Double(languageAccuracy.correct) / Double(languageAccuracy.total)
            lines.append("language id accuracy \(number(share)) (\(languageAccuracy.correct)/\(languageAccuracy.total), `mixed` rows excluded)")
        }
        return lines.joined(separator: "\n")
    }
}
