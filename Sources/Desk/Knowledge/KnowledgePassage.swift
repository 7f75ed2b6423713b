import Foundation

/// The part of an article that answers a question, short enough to quote in a reply.
///
/// The drafter does not paste whole articles: it picks the section whose words (and cross-lingual
/// concepts) overlap the question most, weighting rare words over words every section has, then the
/// sentence in it that matches best, and the sentences after it while they fit. A numbered step is never
/// quoted without the steps before it, and a lead-in line ending in `:` comes with what it introduces.
/// A question about time ("kab tak", "how many days") favours text that states a duration.
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
        let asksWhen = KnowledgeDuration.isAsked(in: KnowledgeText.words(question))
        func durationBonus(_ text: String) -> Double { asksWhen && KnowledgeDuration.isStated(in: text) ? Self.durationBonus : 0 }
        let sectionWeights = query.weights(over: sections)
        var bestSection = 0
        var bestScore = 0.0
        for (index, section) in sections.enumerated() {
            // The first section is headed by the article's title, which speaks for every section.
            let heading = article.sections[index].heading
            let headingBonus = heading == article.title ? 0 : query.score(Block(text: heading, vocabulary: .none), weights: sectionWeights) * 0.5
            // A heading that itself asks "how long" is where the answer to a "when?" question lives.
            let timeHeading = asksWhen && KnowledgeDuration.isAsked(in: KnowledgeText.words(heading)) ? Self.durationBonus : 0
            let score = query.score(section, weights: sectionWeights) + headingBonus + timeHeading + durationBonus(article.sections[index].markdown)
            if score > bestScore {
                bestScore = score
                bestSection = index
            }
        }
        guard article.sections.indices.contains(bestSection) else { return KnowledgePassage(heading: article.title, units: []) }
        let section = article.sections[bestSection]
        let paragraphs = Self.paragraphs(markdown: section.markdown)
        let units = paragraphs.flatMap(Self.sentences)
        let paragraphStarts = paragraphs.reduce(into: [Int]()) { starts, paragraph in
            let start = (starts.last ?? 0) + (starts.isEmpty ? 0 : Self.sentences(paragraphs[starts.count - 1]).count)
            starts.append(start)
        }
        let blocks = units.map { Block(text: $0, vocabulary: vocabulary) }
        let unitWeights = query.weights(over: blocks)
        var best = 0
        var top = 0.0
        for (index, block) in blocks.enumerated() {
            let score = query.score(block, weights: unitWeights) + durationBonus(units[index])
            if score > top {
                top = score
                best = index
            }
        }
        // Start at the beginning of the best sentence's paragraph when that fits: a second sentence often
        // leans on the first ("As for a real duplicate charge, …").
        let paragraphStart = paragraphStarts.last { $0 <= best } ?? best
        let from = units[paragraphStart...best].reduce(0) { $0 + $1.count + 1 } <= limit ? paragraphStart : best
        return KnowledgePassage(heading: section.heading, units: Self.window(units, around: from, limit: limit))
    }

    /// What stating a duration is worth to a "when?" question: about as much as a word only one section
    /// of five has.
    static let durationBonus = 1.8

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

    /// Paragraphs (wrapped lines joined), list items and table rows, each cut into sentences.
    static func units(markdown: String) -> [String] {
        paragraphs(markdown: markdown).flatMap(sentences)
    }

    /// Paragraphs with wrapped lines joined, list items and table rows, as plain text.
    static func paragraphs(markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring] = []
        func flush() {
            if !current.isEmpty { blocks.append(KnowledgeText.plain(current.joined(separator: " "))) }
            current = []
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("```") || trimmed.hasPrefix("#") {
                flush()
                continue
            }
            if startsBlock(trimmed) { flush() }
            current.append(trimmed)
            if trimmed.hasPrefix("|") { flush() }
        }
        flush()
        return blocks.filter { !$0.isEmpty }
    }

    /// A list item or a table row starts a block of its own; anything else continues a paragraph.
    private static func startsBlock(_ line: Substring) -> Bool {
        if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") || line.hasPrefix("|") { return true }
        let digits = line.prefix { $0.isASCIIDigit }
        return !digits.isEmpty && line.dropFirst(digits.count).hasPrefix(". ")
    }

    /// A dot followed by a space and a lower-case letter is an abbreviation, not an end ("e.g. the");
    /// dots inside words (`status.bazaarly.example`) never split.
    static func sentences(_ text: String) -> [String] {
        var units: [String] = []
        var current = ""
        let characters = Array(text)
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

    /// Words and concepts of one piece of text, stemmed for matching, with how often each occurs.
    struct Block {
        var stems: [String: Int]
        var concepts: [String: Int]

        init(text: String, vocabulary: KnowledgeVocabulary) {
            stems = KnowledgeText.words(text).map(KnowledgeText.stem).reduce(into: [:]) { $0[$1, default: 0] += 1 }
            concepts = vocabulary.concepts(text).reduce(into: [:]) { $0[$1, default: 0] += 1 }
        }

        /// Occurrences of a stem, counting words that extend it or that it extends (four letters or more).
        func count(_ stem: String) -> Int {
            guard stem.count >= 4 else { return stems[stem] ?? 0 }
            return stems.reduce(0) { total, entry in
                let related = entry.key == stem || (entry.key.count >= 4 && (entry.key.hasPrefix(stem) || stem.hasPrefix(entry.key)))
                return total + (related ? entry.value : 0)
            }
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
                let frequency = Double(blocks.filter { $0.count(stem) > 0 }.count)
                weights[stem] = log(1 + count / max(frequency, 0.5))
            }
            for concept in concepts {
                let frequency = Double(blocks.filter { $0.concepts[concept] != nil }.count)
                weights["§" + concept] = 0.5 * log(1 + count / max(frequency, 0.5))
            }
            return weights
        }

        /// Weight times a saturating term frequency, as BM25 does: the third mention of a word adds
        /// less than the first.
        func score(_ block: Block, weights: [String: Double]) -> Double {
            func saturated(_ frequency: Int) -> Double { Double(frequency) * 2.2 / (Double(frequency) + 1.2) }
            var score = 0.0
            for stem in stems { score += (weights[stem] ?? 0) * saturated(block.count(stem)) }
            for concept in concepts { score += (weights["§" + concept] ?? 0) * saturated(block.concepts[concept] ?? 0) }
            return score
        }
    }
}
