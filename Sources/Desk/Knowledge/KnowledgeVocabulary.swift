/// Cross-lingual concepts found in a text (`refund`, `charge`, `double`, …), so that "paisa wapas",
/// "flousy" and "ibalik ang pera" meet an English article about refunds that shares none of their words.
///
/// Desk does not know where concepts come from; the executable passes triage's concept lexicon. The
/// version names the vocabulary, and the index is rebuilt when it changes.
public struct KnowledgeVocabulary: Sendable {
    public var version: String
    public var concepts: @Sendable (String) -> [String]

    public init(version: String, concepts: @escaping @Sendable (String) -> [String]) {
        self.version = version
        self.concepts = concepts
    }

    /// Words only: no concepts.
    public static let none = KnowledgeVocabulary(version: "none") { _ in [] }
}
