public import Foundation

/// Top-1 accuracy of knowledge-base search on labeled questions (`Data/kb/questions.jsonl`), overall
/// and per language: shared by the accuracy test and the benchmark so both count the same way.
///
/// A question is answered when the top hit is the expected article or another language version of it
/// (same ``KnowledgeArticle/topic(ofPath:)``); `exact` also needs the expected language version, which is
/// the customer's own where the knowledge base has one.
public struct KnowledgeEvaluation: Sendable {
    public struct Question: Sendable, Hashable, Decodable {
        public var q: String
        public var lang: String
        public var expected: String
    }

    public struct Score: Sendable, Hashable {
        public var total = 0
        public var correct = 0
        public var exact = 0

        public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }
        public var exactAccuracy: Double { total == 0 ? 0 : Double(exact) / Double(total) }
    }

    public struct Miss: Sendable, Hashable {
        public var question: Question
        public var got: String?
    }

    public var overall = Score()
    public var byLanguage: [String: Score] = [:]
    public var misses: [Miss] = []

    /// One JSON object per line; blank lines are skipped.
    public static func questions(jsonLines data: Data) throws -> [Question] {
        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x0D } }.map { line in
            try decoder.decode(Question.self, from: Data(line))
        }
    }

    /// Asks `topHit` (the path of the best article, or nil) for every question.
    public static func run(_ questions: [Question], topHit: (Question) async throws -> String?) async rethrows -> KnowledgeEvaluation {
        var evaluation = KnowledgeEvaluation()
        for question in questions {
            let got = try await topHit(question)
            let correct = got.map { KnowledgeArticle.topic(ofPath: $0) == KnowledgeArticle.topic(ofPath: question.expected) } ?? false
            let exact = got == question.expected
            for key in [nil, question.lang] as [String?] {
                var score = key.map { evaluation.byLanguage[$0] ?? Score() } ?? evaluation.overall
                score.total += 1
                if correct { score.correct += 1 }
                if exact { score.exact += 1 }
                if let key { evaluation.byLanguage[key] = score } else { evaluation.overall = score }
            }
            if !correct { evaluation.misses.append(Miss(question: question, got: got)) }
        }
        return evaluation
    }

    /// `lang  n  top-1  exact-language` per language, then the total (no misses: for held-out questions,
    /// whose individual answers nobody should tune against).
    public var table: String {
        report.split(separator: "\n").prefix(byLanguage.count + 2).joined(separator: "\n")
    }

    /// ``table`` followed by every miss, what came back and what was expected.
    public var report: String {
        func row(_ name: String, _ score: Score) -> String {
            name.padding(toLength: 9, withPad: " ", startingAt: 0) + String(format: "%4d  %5.1f%%  %5.1f%%", score.total, score.accuracy * 100, score.exactAccuracy * 100)
        }
        var lines = ["lang        n  top-1  exact"]
        lines += byLanguage.keys.sorted().map { row($0, byLanguage[$0]!) }
        lines.append(row("all", overall))
        lines += misses.map { "miss [\($0.question.lang)] \($0.question.q) → \($0.got ?? "nothing") (expected \($0.question.expected))" }
        return lines.joined(separator: "\n")
    }
}
