import Desk
import Foundation
import Store
@testable import Switchboard
import Testing

/// Search quality on the demo knowledge base: labeled customer questions in ten languages, asked the way
/// `kb` and the drafter ask them (triage's language detection, the customer's language then English).
@Suite("Knowledge base accuracy")
struct KnowledgeAccuracyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func evaluate(_ file: String) async throws -> KnowledgeEvaluation {
        let questions = try KnowledgeEvaluation.questions(jsonLines: Data(contentsOf: root.appendingPathComponent("Data/kb/\(file)")))
        let knowledge = try KnowledgeBase.make(folder: root.appendingPathComponent("demo/kb"), database: try AppDatabase.inMemory())
        let refresh = try await knowledge.refresh()
        #expect(refresh.problems.isEmpty, "\(refresh.problems)")
        #expect(refresh.added >= 30)
        return try await KnowledgeEvaluation.run(questions) { question in
            try await knowledge.search(question.q, limit: 1).hits.first?.path
        }
    }

    @Test("top-1 accuracy on the labeled questions is at least 80%, and each language is reported")
    func topOne() async throws {
        let evaluation = try await Self.evaluate("questions.jsonl")
        print("knowledge base, questions.jsonl:\n" + evaluation.report)
        #expect(evaluation.overall.total >= 60)
        #expect(evaluation.byLanguage.keys.count >= 7)
        #expect(evaluation.overall.accuracy >= 0.8, "top-1 \(evaluation.overall.accuracy)")
    }

    @Test("the held-out questions, never used for tuning, stay within reach of the tuned set")
    func heldOut() async throws {
        let evaluation = try await Self.evaluate("questions-holdout.jsonl")
        print("knowledge base, questions-holdout.jsonl:\n" + evaluation.table)
        #expect(evaluation.overall.total >= 30)
        #expect(evaluation.overall.accuracy >= 0.7, "top-1 \(evaluation.overall.accuracy)")
    }
}
