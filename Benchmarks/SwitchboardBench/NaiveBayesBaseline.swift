import Foundation
import Triage

/// The accuracy baseline when scikit-learn's data is absent: what a first attempt at a text classifier
/// looks like — multinomial naive Bayes over lower-cased words (runs of letters and digits), add-one
/// smoothing, class priors from the training rows. No normalisation, no n-grams, no languages.
struct NaiveBayesBaseline {
    private var logPrior: [TriageCategory: Double] = [:]
    private var logLikelihood: [TriageCategory: [String: Double]] = [:]
    private var unseen: [TriageCategory: Double] = [:]

    init(training: [LabeledExample]) {
        var counts: [TriageCategory: [String: Int]] = [:]
        var rows: [TriageCategory: Int] = [:]
        var vocabulary = Set<String>()
        for example in training {
            rows[example.category, default: 0] += 1
            for word in Self.words(example.text) {
                counts[example.category, default: [:]][word, default: 0] += 1
                vocabulary.insert(word)
            }
        }
        for (category, rowCount) in rows {
            let words = counts[category] ?? [:]
            let denominator = Double(words.values.reduce(0, +) + vocabulary.count)
            logPrior[category] = log(Double(rowCount) / Double(training.count))
            logLikelihood[category] = words.mapValues { log(Double($0 + 1) / denominator) }
            unseen[category] = log(1 / denominator)
        }
    }

    func classify(_ text: String) -> TriageCategory {
        let words = Self.words(text)
        var best = (category: TriageCategory.support, score: -Double.infinity)
        for category in TriageCategory.allCases {
            guard let prior = logPrior[category], let likelihood = logLikelihood[category], let floor = unseen[category] else { continue }
            let score = words.reduce(prior) { $0 + (likelihood[$1] ?? floor) }
            if score > best.score { best = (category, score) }
        }
        return best.category
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
