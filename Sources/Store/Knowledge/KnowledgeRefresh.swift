public import Desk

/// What a refresh of the knowledge-base index did. Files that could not be read as articles are not
/// indexed (an older good version of one is dropped) and come back in ``problems``.
public struct KnowledgeRefresh: Sendable, Hashable {
    public var added = 0
    public var updated = 0
    public var removed = 0
    public var unchanged = 0
    public var problems: [KnowledgeArticleError] = []

    public init() {}

    /// Articles now in the index.
    public var indexed: Int { added + updated + unchanged }

    /// Whether the index was written.
    public var changedIndex: Bool { added + updated + removed > 0 }
}
