import Foundation

/// BM25 with the inverse document frequency taken among articles of the same language.
///
/// A knowledge base is mostly English with some translations. Under one corpus-wide IDF, an ordinary
/// Arabic or Malay word ("the amount", "pay") looks as rare as the rarest English term, because few
/// articles are in that language at all, so whichever translation shares a few everyday words with a
/// question beats the English article that answers it. Each single-phrase FTS5 query returns the
/// phrase's BM25 score per article; dividing out FTS5's corpus-wide IDF and multiplying by the IDF within
/// the article's language keeps FTS5's term-frequency and length normalisation and fixes the rarity.
struct KnowledgeScorer {
    enum Kind {
        case word, concept, trigram
    }

    /// What one kind of match is worth. Concepts bridge languages: for an article in another language
    /// than the question they are the main evidence and count more; in the same language the words
    /// already carry it. Trigrams only stand in for words that did not match (clitics, Thai runs).
    static let conceptWeightSameLanguage = 0.5
    static let conceptWeightOtherLanguage = 1.5
    static let trigramWeight = 0.5

    /// Article id → language, for every indexed article.
    let languages: [Int64: String]
    /// The question's language; nil when every language counts as the question's own.
    let questionLanguage: String?
    private let articleCount: Int
    private let languageSizes: [String: Int]
    private(set) var scores: [Int64: Double] = [:]

    init(languages: [Int64: String], questionLanguage: String?) {
        self.languages = languages
        self.questionLanguage = questionLanguage
        articleCount = languages.count
        languageSizes = languages.values.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// Adds one phrase's rows (`rowid`, FTS5 `-bm25`).
    mutating func add(_ rows: [(id: Int64, score: Double)], kind: Kind) {
        guard !rows.isEmpty else { return }
        let corpusIDF = Self.ftsIDF(articles: articleCount, matching: rows.count)
        var matching: [String: Int] = [:]
        for row in rows { matching[languages[row.id] ?? "", default: 0] += 1 }
        for row in rows {
            let lang = languages[row.id] ?? ""
            let idf = Self.idf(articles: languageSizes[lang] ?? 1, matching: matching[lang] ?? 1)
            scores[row.id, default: 0] += weight(kind, lang: lang) * row.score / corpusIDF * idf
        }
    }

    private func weight(_ kind: Kind, lang: String) -> Double {
        switch kind {
        case .word: 1
        case .trigram: Self.trigramWeight
        case .concept: questionLanguage == nil || questionLanguage == lang ? Self.conceptWeightSameLanguage : Self.conceptWeightOtherLanguage
        }
    }

    /// The IDF FTS5's `bm25()` used, including its floor for phrases in more than half the rows.
    static func ftsIDF(articles: Int, matching: Int) -> Double {
        max(log((Double(articles - matching) + 0.5) / (Double(matching) + 0.5)), 1e-6)
    }

    /// A positive IDF (Lucene's), so a word every article of a language has still counts a little.
    static func idf(articles: Int, matching: Int) -> Double {
        log(1 + (Double(articles - matching) + 0.5) / (Double(matching) + 0.5))
    }
}
