/// What a draft takes from the knowledge base: the article to link and the passage that answers the
/// customer's question.
public struct KnowledgeReference: Sendable, Hashable {
    public var title: String
    public var url: String
    public var lang: String
    /// Plain text, already cut to fit the channel.
    public var passage: String

    public init(title: String, url: String, lang: String, passage: String) {
        self.title = title
        self.url = url
        self.lang = lang
        self.passage = passage
    }
}
