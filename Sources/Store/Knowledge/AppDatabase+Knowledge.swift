public import Desk
public import Foundation
import GRDB

extension AppDatabase {
    /// The text folding and column layout the index was built with; bump it when ``KnowledgeText`` or
    /// what goes into a column changes, and every article is re-indexed on the next refresh.
    static let knowledgeFormat = "1"

    /// BM25 column weights of `kb_words`: a word in the title or tags says more about what an article
    /// answers than the same word in a paragraph. (The concepts column is only searched on its own.)
    static let knowledgeColumnWeights = (title: 4.0, tags: 3.0, body: 1.0, concepts: 1.0)

    /// Brings the index in line with the Markdown files under `folder`: new files are added, edited ones
    /// re-indexed, deleted ones dropped. Files whose size and modification time are unchanged are not
    /// even read, so calling this before every search is cheap; the database is written only when
    /// something changed. Safe while another process (`serve`, `kb`) uses the same database.
    public func refreshKnowledge(folder: URL, vocabulary: KnowledgeVocabulary = .none) async throws -> KnowledgeRefresh {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError(.knowledgeFolderMissing(path: folder.path))
        }
        let files = try KnowledgeFile.scan(folder)
        let format = "\(Self.knowledgeFormat)/\(vocabulary.version)"
        let (indexed, currentFormat) = try await reader.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT path, size, modified_at, hash FROM kb_articles")
            let indexed = Dictionary(uniqueKeysWithValues: rows.map { row in
                (row["path"] as String, (size: row["size"] as Int64, modifiedAt: row["modified_at"] as Double, hash: row["hash"] as String))
            })
            let format = try String.fetchOne(db, sql: "SELECT value FROM kb_meta WHERE key = 'format'")
            return (indexed, format)
        }
        let rebuild = currentFormat != format
        var summary = KnowledgeRefresh()
        var changes: [(file: KnowledgeFile, hash: String, article: KnowledgeArticle?)] = []
        var broken = Set<String>()
        for file in files {
            let known = indexed[file.path]
            if !rebuild, let known, known.size == file.size, known.modifiedAt == file.modifiedAt {
                summary.unchanged += 1
                continue
            }
            let data: Data
            do {
                data = try Data(contentsOf: file.url)
            } catch {
                summary.problems.append(.unreadable(path: file.path, reason: error.localizedDescription))
                broken.insert(file.path)
                continue
            }
            let hash = KnowledgeFile.hash(data)
            if !rebuild, let known, known.hash == hash {
                summary.unchanged += 1
                changes.append((file, hash, nil))
                continue
            }
            do {
                guard let text = String(data: data, encoding: .utf8) else {
                    throw KnowledgeArticleError.notUTF8(path: file.path)
                }
                changes.append((file, hash, try KnowledgeArticle.parse(path: file.path, text: text)))
                if known == nil { summary.added += 1 } else { summary.updated += 1 }
            } catch let error as KnowledgeArticleError {
                summary.problems.append(error)
                broken.insert(file.path)
            }
        }
        let present = Set(files.map(\.path)).subtracting(broken)
        let removed = indexed.keys.filter { !present.contains($0) }
        summary.removed = removed.count
        guard rebuild || !changes.isEmpty || !removed.isEmpty else { return summary }
        let now = Timestamp.rfc3339(self.now())
        let writes = changes
        try await writer.write { db in
            for path in removed { try Self.deleteArticle(db, path: path) }
            for change in writes {
                guard let article = change.article else {
                    try db.execute(sql: "UPDATE kb_articles SET size = ?, modified_at = ? WHERE path = ?",
                                   arguments: [change.file.size, change.file.modifiedAt, change.file.path])
                    continue
                }
                try Self.indexArticle(db, article, file: change.file, hash: change.hash, vocabulary: vocabulary, now: now)
            }
            try db.execute(sql: "INSERT INTO kb_meta (key, value) VALUES ('format', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [format])
        }
        return summary
    }

    private static func deleteArticle(_ db: Database, path: String) throws {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM kb_articles WHERE path = ?", arguments: [path]) else { return }
        try db.execute(sql: "DELETE FROM kb_words WHERE rowid = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM kb_trigrams WHERE rowid = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM kb_articles WHERE id = ?", arguments: [id])
    }

    private static func indexArticle(
        _ db: Database, _ article: KnowledgeArticle, file: KnowledgeFile, hash: String, vocabulary: KnowledgeVocabulary, now: String
    ) throws {
        let tags = String(decoding: try JSONEncoder().encode(article.tags), as: UTF8.self)
        let id = try Int64.fetchOne(db, sql: """
            INSERT INTO kb_articles (path, topic, title, lang, url, tags, body, size, modified_at, hash, indexed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET topic = excluded.topic, title = excluded.title, lang = excluded.lang,
                url = excluded.url, tags = excluded.tags, body = excluded.body, size = excluded.size,
                modified_at = excluded.modified_at, hash = excluded.hash, indexed_at = excluded.indexed_at
            RETURNING id
            """, arguments: [article.path, article.topic, article.title, article.lang, article.url, tags, article.body,
                             file.size, file.modifiedAt, hash, now])!
        let title = KnowledgeText.words(article.title).joined(separator: " ")
        let tagWords = KnowledgeText.words(article.tags.joined(separator: " . ")).joined(separator: " ")
        let plain = KnowledgeText.plain(article.body)
        let body = KnowledgeText.words(plain).joined(separator: " ")
        let concepts = vocabulary.concepts([article.title, article.tags.joined(separator: ", "), plain].joined(separator: "\n"))
            .map { $0.lowercased() }.joined(separator: " ")
        try db.execute(sql: "DELETE FROM kb_words WHERE rowid = ?", arguments: [id])
        try db.execute(sql: "INSERT INTO kb_words (rowid, title, tags, body, concepts) VALUES (?, ?, ?, ?, ?)",
                       arguments: [id, title, tagWords, body, concepts])
        try db.execute(sql: "DELETE FROM kb_trigrams WHERE rowid = ?", arguments: [id])
        try db.execute(sql: "INSERT INTO kb_trigrams (rowid, text) VALUES (?, ?)",
                       arguments: [id, [title, tagWords, body].joined(separator: " ")])
    }

    /// Articles that answer `question`, best first, one per topic.
    ///
    /// Only articles in `languages` are candidates (all when empty); the first language is the question's.
    /// Each word, concept and trigram of the question is one FTS5 query, scored by ``KnowledgeScorer``.
    /// When an article exists in several of the languages, the hit is the version in the earliest one —
    /// the customer's own, before English — with the best score any of its versions reached, so an
    /// Arabic question answered by the English wording of an article still gets the Arabic translation.
    public func searchKnowledge(
        _ question: String, languages: [String], vocabulary: KnowledgeVocabulary = .none, limit: Int = 10
    ) async throws -> [KnowledgeHit] {
        let terms = Array(KnowledgeText.searchTerms(question).prefix(KnowledgeMatchExpression.maximumTerms))
        var seen = Set<String>()
        let concepts = vocabulary.concepts(question).map { $0.lowercased() }.filter { seen.insert($0).inserted }
        guard !terms.isEmpty || !concepts.isEmpty, limit > 0 else { return [] }
        return try await reader.read { db in
            let articles = try Self.knowledgeRows(db)
            guard !articles.isEmpty else { return [] }
            var scorer = KnowledgeScorer(languages: articles.mapValues(\.lang), questionLanguage: languages.first)
            let weights = Self.knowledgeColumnWeights
            func rows(_ sql: String, _ arguments: StatementArguments) throws -> [(id: Int64, score: Double)] {
                try Row.fetchAll(db, sql: sql, arguments: arguments).map { (id: $0[0], score: $0[1]) }
            }
            func words(_ expression: String) throws -> [(id: Int64, score: Double)] {
                try rows("SELECT rowid, -bm25(kb_words, ?, ?, ?, ?) FROM kb_words WHERE kb_words MATCH ?",
                         [weights.title, weights.tags, weights.body, weights.concepts, expression])
            }
            var unmatched: [String] = []
            for term in terms {
                let found = try words(KnowledgeMatchExpression.word(term))
                scorer.add(found, kind: .word)
                let needsTrigrams = found.isEmpty || KnowledgeMatchExpression.isUnspaced(term)
                if needsTrigrams && !term.unicodeScalars.allSatisfy(\.isASCII) { unmatched.append(term) }
            }
            for concept in concepts.prefix(KnowledgeMatchExpression.maximumTerms) {
                scorer.add(try words(KnowledgeMatchExpression.concept(concept)), kind: .concept)
            }
            for gram in KnowledgeMatchExpression.trigrams(unmatched) {
                scorer.add(try rows("SELECT rowid, -bm25(kb_trigrams) FROM kb_trigrams WHERE kb_trigrams MATCH ?", [gram]), kind: .trigram)
            }
            return Self.collapse(scorer.scores, articles: articles, languages: languages, limit: limit)
        }
    }

    /// One hit per topic, in the most preferred language that has a version, with the topic's best score.
    private static func collapse(_ scores: [Int64: Double], articles: [Int64: KnowledgeRow], languages: [String], limit: Int) -> [KnowledgeHit] {
        var best: [String: Double] = [:]
        for (id, score) in scores {
            guard let article = articles[id], rank(article.lang, in: languages) != Int.max else { continue }
            best[article.topic] = max(best[article.topic] ?? 0, score)
        }
        var chosen: [String: KnowledgeRow] = [:]
        for (id, article) in articles {
            let rank = rank(article.lang, in: languages)
            guard best[article.topic] != nil, rank != Int.max else { continue }
            if let current = chosen[article.topic] {
                let currentRank = Self.rank(current.lang, in: languages)
                let better = rank < currentRank || (rank == currentRank && (scores[id] ?? 0) > (scores[current.id] ?? 0))
                if !better { continue }
            }
            chosen[article.topic] = article
        }
        return chosen.values
            .map { KnowledgeHit(path: $0.path, title: $0.title, lang: $0.lang, url: $0.url, score: best[$0.topic] ?? 0) }
            .sorted { ($0.score, $1.path) > ($1.score, $0.path) }
            .prefix(limit)
            .map { $0 }
    }

    /// Position of `lang` in the preference list; `Int.max` when it is not searched.
    private static func rank(_ lang: String, in languages: [String]) -> Int {
        languages.isEmpty ? 0 : languages.firstIndex(of: lang) ?? Int.max
    }

    /// One indexed article, as parsed when it was indexed.
    public func knowledgeArticle(path: String) async throws -> KnowledgeArticle? {
        try await reader.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT path, title, tags, lang, url, body FROM kb_articles WHERE path = ?",
                                             arguments: [path]) else { return nil }
            let tags = (try? JSONDecoder().decode([String].self, from: Data((row["tags"] as String).utf8))) ?? []
            return KnowledgeArticle(path: row["path"], title: row["title"], tags: tags, lang: row["lang"], url: row["url"], body: row["body"])
        }
    }

    /// Paths of every indexed article, sorted.
    public func knowledgePaths() async throws -> [String] {
        try await reader.read { db in try String.fetchAll(db, sql: "SELECT path FROM kb_articles ORDER BY path") }
    }

    private struct KnowledgeRow {
        var id: Int64
        var path: String
        var topic: String
        var title: String
        var lang: String
        var url: String
    }

    /// Every indexed article by id (without bodies): a knowledge base is hundreds of rows, not millions.
    private static func knowledgeRows(_ db: Database) throws -> [Int64: KnowledgeRow] {
        let rows = try Row.fetchAll(db, sql: "SELECT id, path, topic, title, lang, url FROM kb_articles").map { row in
            KnowledgeRow(id: row["id"], path: row["path"], topic: row["topic"], title: row["title"], lang: row["lang"], url: row["url"])
        }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
    }
}
