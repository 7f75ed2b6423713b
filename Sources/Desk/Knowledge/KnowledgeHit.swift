/// One search result: an article and how well it answers the query (higher is better; only comparable
/// within one search).
public struct KnowledgeHit: Sendable, Hashable {
    /// Relative to the knowledge-base folder.
    public var path: String
    public var title: String
    public var lang: String
    public var url: String
    public var score: Double

    public init(path: String, title: String, lang: String, url: String, score: Double) {
        self.path = path
        self.title = title
        self.lang = lang
        self.url = url
        self.score = score
    }
}
