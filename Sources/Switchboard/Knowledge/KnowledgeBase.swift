import Desk
import Foundation
import Store
import Triage

/// The knowledge base as `kb`, the IRC `kb` command and the drafter use it: one folder of Markdown
/// articles, its index in the database, triage's language identification for questions, and triage's
/// concept lexicon to bridge languages.
///
/// Every search first refreshes the index. That is a directory listing and one read when nothing
/// changed, so articles edited while `serve` runs are found on the next question without a watcher or
/// a timer.
struct KnowledgeBase: Sendable {
    let folder: URL
    let database: AppDatabase
    let vocabulary: KnowledgeVocabulary
    let identifyLanguage: @Sendable (String) -> String

    init(folder: URL, database: AppDatabase, vocabulary: KnowledgeVocabulary = .triageConcepts,
         identifyLanguage: @escaping @Sendable (String) -> String) {
        self.folder = folder
        self.database = database
        self.vocabulary = vocabulary
        self.identifyLanguage = identifyLanguage
    }

    /// The configured knowledge base, or nil when `kb.path` is not set. `model` detects the question's
    /// language; `serve` passes the one it already loaded for triage.
    static func make(settings: SwitchboardConfig, database: AppDatabase, model: TriageModel? = nil) throws -> KnowledgeBase? {
        guard let path = settings.kbPath else { return nil }
        return try make(folder: URL(fileURLWithPath: path), database: database, model: model)
    }

    /// A knowledge base in `folder` that detects languages with `model`, or the shipped (or
    /// `$SWITCHBOARD_MODEL`) model when none is given.
    static func make(folder: URL, database: AppDatabase, model: TriageModel? = nil) throws -> KnowledgeBase {
        let model = try model ?? TriageModel.load()
        return KnowledgeBase(folder: folder, database: database, identifyLanguage: model.language(of:))
    }

    struct Search: Sendable {
        /// The question's language as triage detects it (or as the caller knew it).
        var lang: String
        /// The languages searched, preferred first.
        var languages: [String]
        var hits: [KnowledgeHit]
        var refresh: KnowledgeRefresh
    }

    func refresh() async throws -> KnowledgeRefresh {
        try await database.refreshKnowledge(folder: folder, vocabulary: vocabulary)
    }

    /// Searches in the question's language and English, preferring the question's language.
    func search(_ question: String, lang known: String? = nil, limit: Int = 10) async throws -> Search {
        let refresh = try await refresh()
        let lang = known ?? identifyLanguage(question)
        let languages = Self.languages(for: lang)
        let hits = try await database.searchKnowledge(question, languages: languages, vocabulary: vocabulary, limit: limit)
        return Search(lang: lang, languages: languages, hits: hits, refresh: refresh)
    }

    /// The best article for a customer's message, with the passage that answers it cut to `limit`
    /// characters; nil when nothing matches well enough to put in front of a customer. The refresh that
    /// ran first comes back too, for logging.
    func reference(for message: String, lang: String?, limit: Int) async throws -> (reference: KnowledgeReference?, refresh: KnowledgeRefresh) {
        let found = try await search(message, lang: lang, limit: 1)
        guard let hit = found.hits.first, hit.score >= Self.minimumDraftScore,
              let article = try await database.knowledgeArticle(path: hit.path) else { return (nil, found.refresh) }
        let passage = KnowledgePassage.best(in: article, for: message, limit: limit, vocabulary: vocabulary)
        return (KnowledgeReference(title: article.title, url: article.url, lang: article.lang, passage: passage.text), found.refresh)
    }

    /// Below this score the best article shares only a common word or a broad concept with the
    /// message and a draft is better without it. On the demo knowledge base, right answers to the
    /// labeled questions score 2.9 and up (most above 3.5), while messages no article answers ("the app
    /// crashes when I share an invoice", "my printer is not printing receipts") top out around 2.6.
    static let minimumDraftScore = 3.0

    /// The question's language, then English. Undetermined text searches English only.
    static func languages(for lang: String) -> [String] {
        lang == "en" || lang == "und" ? ["en"] : [lang, "en"]
    }
}

extension KnowledgeVocabulary {
    /// Triage's concept lexicon, versioned by its content.
    static let triageConcepts = KnowledgeVocabulary(version: ConceptLexicon.builtInFingerprint) { text in
        ConceptLexicon.builtIn.topicalConcepts(in: text)
    }
}
