import Desk
import Foundation

/// Customer text as FTS5 MATCH expressions that cannot be a syntax error.
///
/// Customers type quotes, `*`, `:`, `-`, parentheses, `AND`/`OR`/`NEAR` and emoji; none of it may reach
/// FTS5 as syntax. Terms come from ``KnowledgeText/searchTerms(_:)`` (letters, marks and digits only) and
/// are still written as quoted strings with quotes doubled, so a future change to tokenising stays safe.
///
/// Each expression is a single phrase: search runs one query per term, concept and trigram, which is
/// what lets ``KnowledgeScorer`` weigh each by how rare it is among articles of the same language.
enum KnowledgeMatchExpression {
    /// At most this many terms, concepts or trigrams per question; a pasted essay costs no more.
    static let maximumTerms = 32
    static let maximumTrigrams = 48
    /// Terms this long or longer also match as prefixes (`webhook` → `webhooks`, `refund` → `refunded`);
    /// shorter ones only as they are, so `me` never matches `member`.
    static let prefixLength = 4

    /// A word in title, tags or body.
    static func word(_ term: String) -> String {
        let quoted = quote(term)
        let prefix = term.unicodeScalars.count >= prefixLength && !term.allSatisfy(\.isNumber)
        return "{title tags body} : " + quoted + (prefix ? "*" : "")
    }

    /// A concept, by name, in the concepts column only.
    static func concept(_ name: String) -> String {
        "concepts : " + quote(name)
    }

    /// Character trigrams of `terms`, each a phrase for the trigram index.
    static func trigrams(_ terms: [String]) -> [String] {
        var seen = Set<String>()
        var grams: [String] = []
        for term in terms {
            let scalars = Array(term.unicodeScalars)
            guard scalars.count >= 3 else { continue }
            for start in 0...(scalars.count - 3) {
                var gram = String.UnicodeScalarView()
                gram.append(contentsOf: scalars[start..<start + 3])
                let text = String(gram)
                if seen.insert(text).inserted { grams.append(quote(text)) }
                if grams.count == maximumTrigrams { return grams }
            }
        }
        return grams
    }

    /// Whether a term needs trigrams even when it matched as a word: Thai is written without spaces, so
    /// a Thai "word" is a whole phrase that articles contain only as a part of longer runs.
    static func isUnspaced(_ term: String) -> Bool {
        term.unicodeScalars.contains { (0x0E00...0x0EFF).contains($0.value) || (0x1000...0x109F).contains($0.value) || (0x1780...0x17FF).contains($0.value) }
    }

    static func quote(_ term: String) -> String {
        "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
