import Desk
import Foundation
import GRDB
import Store
import Triage

/// Knowledge-base search on the demo articles and the labeled questions in `Data/kb/`: top-1 accuracy
/// (the tuned set and the held-out set) and latency per question, against a plain `LIKE` scan that
/// ranks articles by how many of the question's words they contain, measured in the same run on the
/// same index. Also the cost of the refresh every search does when nothing changed, against listing
/// the folder with the same file attributes.
///
/// Questions are asked as `switchboard kb` asks them: triage's language identification, the question's
/// language then English, triage's concept lexicon. (The executable's `KnowledgeBase` wires exactly
/// these library calls; a benchmark cannot link an executable target.)
enum KnowledgeBenchmark {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run() async throws -> [BenchmarkRow] {
        let folder = root.appendingPathComponent("demo/kb")
        let vocabulary = KnowledgeVocabulary(version: ConceptLexicon.builtInFingerprint) { ConceptLexicon.builtIn.topicalConcepts(in: $0) }
        let model = try TriageModel.load()
        let database = try AppDatabase.inMemory()
        _ = try await database.refreshKnowledge(folder: folder, vocabulary: vocabulary)

        struct Asked: Sendable {
            var question: KnowledgeEvaluation.Question
            var languages: [String]
        }
        var rows: [BenchmarkRow] = []
        var all: [Asked] = []
        for (file, name) in [("questions.jsonl", "tuned"), ("questions-holdout.jsonl", "held-out")] {
            let questions = try KnowledgeEvaluation.questions(jsonLines: Data(contentsOf: root.appendingPathComponent("Data/kb/\(file)")))
            let asked = questions.map { question in
                let lang = model.language(of: question.q)
                return Asked(question: question, languages: lang == "en" || lang == "und" ? ["en"] : [lang, "en"])
            }
            all += asked
            let languages = Dictionary(asked.map { ($0.question.q, $0.languages) }, uniquingKeysWith: { first, _ in first })
            let ours = try await KnowledgeEvaluation.run(questions) { question in
                try await database.searchKnowledge(question.q, languages: languages[question.q] ?? ["en"], vocabulary: vocabulary, limit: 1).first?.path
            }
            let scan = try await KnowledgeEvaluation.run(questions) { question in
                try await likeScan(database, question.q, languages: languages[question.q] ?? ["en"])
            }
            FileHandle.standardError.write(Data("  KB \(name) questions:\n\(ours.table)\n".utf8))
            rows.append(BenchmarkRow(
                name: "KB top-1 accuracy, \(questions.count) \(name) questions", unit: "%", value: ours.overall.accuracy * 100,
                baselineName: "LIKE scan", baseline: scan.overall.accuracy * 100, higherIsBetter: true))
        }

        func perQuestion(_ body: (Asked) async throws -> Void) async throws -> Double {
            try await perCall { for asked in all { try await body(asked) } } / Double(all.count)
        }
        let search = try await perQuestion { asked in
            blackHole(try await database.searchKnowledge(asked.question.q, languages: asked.languages, vocabulary: vocabulary, limit: 10))
        }
        let scan = try await perQuestion { asked in blackHole(try await likeScan(database, asked.question.q, languages: asked.languages)) }
        rows.append(BenchmarkRow(name: "KB search latency per question (\(try await database.knowledgePaths().count) articles)", unit: "µs",
                                 value: search, baselineName: "LIKE scan", baseline: scan, higherIsBetter: false))

        let refresh = try await perCall { _ = try await database.refreshKnowledge(folder: folder, vocabulary: vocabulary) }
        let listing = try await perCall { blackHole(try listFolder(folder)) }
        rows.append(BenchmarkRow(name: "KB refresh with nothing changed", unit: "µs", value: refresh,
                                 baselineName: "listing the folder", baseline: listing, higherIsBetter: false))
        return rows
    }

    /// Microseconds per call of `body`, over about two seconds.
    static func perCall(_ body: () async throws -> Void) async throws -> Double {
        try await body()
        let clock = ContinuousClock()
        var calls = 0
        let start = clock.now
        repeat {
            try await body()
            calls += 1
        } while start.duration(to: clock.now) < .seconds(2)
        let elapsed = start.duration(to: clock.now)
        return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) / Double(calls) * 1e6
    }

    /// The baseline: the article in `languages` whose title, tags and body contain most of the
    /// question's words (`instr` on lower-cased text), ties broken by path.
    static func likeScan(_ database: AppDatabase, _ question: String, languages: [String]) async throws -> String? {
        let terms = KnowledgeText.searchTerms(question)
        guard !terms.isEmpty else { return nil }
        let count = terms.map { _ in "(instr(lower(title || ' ' || tags || ' ' || body), ?) > 0)" }.joined(separator: " + ")
        let placeholders = languages.map { _ in "?" }.joined(separator: ",")
        let sql = "SELECT path, \(count) AS hits FROM kb_articles WHERE lang IN (\(placeholders)) ORDER BY hits DESC, path LIMIT 1"
        return try await database.reader.read { db in
            guard let row = try Row.fetchOne(db, sql: sql, arguments: StatementArguments(terms + languages)),
                  (row["hits"] as Int) > 0 else { return nil }
            return row["path"]
        }
    }

    static func listFolder(_ folder: URL) throws -> Int {
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        var count = 0
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])! {
            _ = try url.resourceValues(forKeys: Set(keys))
            count += 1
        }
        return count
    }
}
