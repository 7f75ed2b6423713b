import Foundation

/// The part of an article that answers a question, short enough to quote in a reply.
///
/// The drafter does not paste whole articles: it picks the section whose words (and cross-lingual
/// concepts) overlap the question most, weighting rare words over words every section has, then the
/// sentence in it that matches best, and the sentences after it while they fit. A numbered step is never
/// quoted without the steps before it, and a lead-in line ending in `:` comes with what it introduces.
public struct KnowledgePassage: Sendable, Hashable {
    public var heading: String
    /// Sentences and list items, in article order.
    public var units: [String]

    public var text: String { units.joined(separator: " ") }

    public static func best(
        in article: KnowledgeArticle, for question: String, limit: Int = 320, vocabulary: KnowledgeVocabulary = .none
    ) -> KnowledgePassage {
        let query = Query(question, vocabulary: vocabulary)
        let sections = article.sections.map { section in
            Block(text: section.heading + "\n" + KnowledgeText.plain(section.markdown), vocabulary: vocabulary)
        }
        let sectionWeights = query.weights(over: sections)
        var bestSection = 0
        var bestScore = 0.0
        for (index, section) in sections.enumerated() {
            let headingBonus = query.score(Block(text: article.sections[index].heading, vocabulary: .none), weights: sectionWeights) * 0.5
            let score = query.score(section, weights: sectionWeights) + headingBonus
            if score > bestScore {
                bestScore = score
                bestSection = index
            }
        }
        guard article.sections.indices.contains(bestSection) else { return KnowledgePassage(heading: article.title, units: []) }
        let section = article.sections[bestSection]
        let units = Self.units(KnowledgeText.plain(section.markdown))
        let blocks = units.map { Block(text: $0, vocabulary: vocabulary) }
        let unitWeights = query.weights(over: blocks)
        var best = 0
        var top = 0.0
        for (index, block) in blocks.enumerated() {
            let score = query.score(block, weights: unitWeights)
            if score > top {
                top = score
                best = index
            }
        }
        return KnowledgePassage(heading: section.heading, units: Self.window(units, around: best, limit: limit))
    }

    /// From the best unit onwards while the text fits, starting earlier for numbered steps and lead-ins.
    static func window(_ units: [String], around best: Int, limit: Int) -> [String] {
        guard units.indices.contains(best) else { return [] }
        var start = best
        if isStep(units[best]) {
            while start > 0, isStep(units[start - 1]) { start -= 1 }
            if units[start...best].reduce(0, { $0 + $1.count + 1 }) > limit { start = best }
        }
        if start > 0, units[start - 1].hasSuffix(":"), units[start - 1].count + units[start].count < limit { start -= 1 }
        var chosen: [String] = []
        var length = 0
        for unit in units[start...] {
            if length + unit.count + (chosen.isEmpty ? 0 : 1) > limit {
                if chosen.isEmpty { chosen.append(cut(unit, limit: limit)) }
                break
            }
            chosen.append(unit)
            length += unit.count + (chosen.count > 1 ? 1 : 0)
        }
        return chosen
    }

    /// Lines, then sentences within a line. A dot followed by a space and a lower-case letter is an
    /// abbreviation, not an end ("e.g. the"); dots inside words (`status.bazaarly.example`) never split.
    static func units(_ plain: String) -> [String] {
        var units: [String] = []
        for line in plain.split(separator: "\n") {
            var current = ""
            let characters = Array(line)
            for (index, character) in characters.enumerated() {
                current.append(character)
                guard ".!?؟।".contains(character), index + 2 < characters.count, characters[index + 1] == " " else { continue }
                let next = characters[index + 2]
                if next.isLowercase || (character == "." && current.count <= 3) { continue }
                units.append(current.trimmingWhitespace())
                current = ""
            }
            let rest = current.trimmingWhitespace()
            if !rest.isEmpty { units.append(rest) }
        }
        return units
    }

    static func isStep(_ unit: String) -> Bool {
        let digits = unit.prefix { $0.isASCIIDigit }
        return !digits.isEmpty && unit.dropFirst(digits.count).hasPrefix(". ")
    }

    static func cut(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let prefix = text.prefix(max(1, limit - 1))
        let end = prefix.lastIndex(of: " ") ?? prefix.endIndex
        return String(prefix[..<end]) + "…"
    }

    /// Words and concepts of one piece of text, stemmed for matching.
    struct Block {
        var stems: Set<String>
        var concepts: Set<String>

        init(text: String, vocabulary: KnowledgeVocabulary) {
            stems = Set(KnowledgeText.words(text).map(KnowledgeText.stem))
            concepts = Set(vocabulary.concepts(text))
        }

        func contains(_ stem: String) -> Bool {
            if stems.contains(stem) { return true }
            guard stem.count >= 4 else { return false }
            return stems.contains { $0.count >= 4 && ($0.hasPrefix(stem) || stem.hasPrefix($0)) }
        }
    }

    struct Query {
        var stems: [String]
        var concepts: Set<String>

        init(_ question: String, vocabulary: KnowledgeVocabulary) {
            stems = KnowledgeText.searchTerms(question).map(KnowledgeText.stem)
            concepts = Set(vocabulary.concepts(question))
        }

        /// Inverse frequency of each query stem and concept over the blocks: a word in every block tells
        /// them apart no better than one in none.
        func weights(over blocks: [Block]) -> [String: Double] {
            var weights: [String: Double] = [:]
            let count = Double(blocks.count)
            for stem in stems {
                let frequency = Double(blocks.filter { $0.contains(stem) }.count)
                weights[stem] = log(1 + count / max(frequency, 0.5))
            }
            for concept in concepts {
                let frequency = Double(blocks.filter { $0.concepts.contains(concept) }.count)
                weights["§" + concept] = 0.5 * log(1 + count / max(frequency, 0.5))
            }
            return weights
        }

        func score(_ block: Block, weights: [String: Double]) -> Double {
            var score = 0.0
            for stem in stems where block.contains(stem) { score += weights[stem] ?? 0 }
            for concept in concepts where block.concepts.contains(concept) { score += weights["§" + concept] ?? 0 }
            return score
        }
    }
}
