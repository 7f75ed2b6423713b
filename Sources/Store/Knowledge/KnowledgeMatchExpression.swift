import Desk
import Foundation

/// Customer text as FTS5 MATCH expressions that cannot be a syntax error.
///
/// Customers type quotes, `*`, `:`, `-`, parentheses, `AND`/`OR`/`NEAR` and emoji; none of it may reach
/// FTS5 as syntax. Terms come from ``KnowledgeText/searchTerms(_:)`` (letters, marks and digits only) and
/// are still written as quoted strings with quotes doubled, so even a future change to tokenising stays
/// safe. Terms are OR-ed: BM25 ranks articles that match more and rarer terms first.
enum KnowledgeMatchExpression {
    /// At most this many terms, concepts or trigrams per expression; a pasted essay costs no more.
    static let maximumTerms = 32
    static let maximumTrigrams = 64
    /// Terms this long or longer also match as prefixes (`webhook` → `webhooks`, `refund` → `refunded`);
    /// shorter ones only as they are, so `me` never matches `member`.
    static let prefixLength = 4

    /// Words in title, tags and body, plus concepts by name; nil when the question has neither.
    static func words(terms: [String], concepts: [String]) -> String? {
        var parts: [String] = []
        let words = terms.prefix(maximumTerms).map { term in
            let quoted = quote(term)
            return term.unicodeScalars.count >= prefixLength && !term.allSatisfy(\.isNumber) ? quoted + "*" : quoted
        }
        if !words.isEmpty { parts.append("{title tags body} : (" + words.joined(separator: " OR ") + ")") }
        let concepts = unique(concepts).prefix(maximumTerms).map(quote)
        if !concepts.isEmpty { parts.append("concepts : (" + concepts.joined(separator: " OR ") + ")") }
        return parts.isEmpty ? nil : parts.joined(separator: " OR ")
    }

    /// Character trigrams of the terms outside the Latin script, for the trigram index; nil when there
    /// are none. Thai needs them (a run of Thai is one "word" to the word index), Arabic gains words
    /// with proclitics (`للاسترداد` meets `استرداد`). Latin-script words have the stemmer and prefix
    /// queries, and their trigrams mostly match unrelated words (`chargeback` → `charged`).
    static func trigrams(terms: [String]) -> String? {
        var seen = Set<String>()
        var grams: [String] = []
        for term in terms where !term.unicodeScalars.allSatisfy(\.isASCII) {
            let scalars = Array(term.unicodeScalars)
            guard scalars.count >= 3 else { continue }
            for start in 0...(scalars.count - 3) {
                var gram = String.UnicodeScalarView()
                gram.append(contentsOf: scalars[start..<start + 3])
                let text = String(gram)
                if seen.insert(text).inserted { grams.append(quote(text)) }
                if grams.count == maximumTrigrams { return grams.joined(separator: " OR ") }
            }
        }
        return grams.isEmpty ? nil : grams.joined(separator: " OR ")
    }

    static func quote(_ term: String) -> String {
        "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
