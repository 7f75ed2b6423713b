/// What an import changed.
public struct ImportSummary: Sendable, Hashable, Codable {
    public var created: Int
    public var updated: Int
    /// Rows that matched a customer whose fields and contacts were already as the CSV says.
    public var unchanged: Int
    /// Customer records folded into another because one row proved they are the same person (for
    /// example a WhatsApp-only customer and an email-only customer listed together in the CSV).
    public var merged: Int
    /// Rows or contacts that could not be applied, each starting with `line N:`.
    public var problems: [String]

    public init(created: Int = 0, updated: Int = 0, unchanged: Int = 0, merged: Int = 0, problems: [String] = []) {
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
        self.merged = merged
        self.problems = problems
    }
}
