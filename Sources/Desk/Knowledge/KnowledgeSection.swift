/// One part of an article under a Markdown heading. The text before the first `##` is a section too,
/// headed by the article's title, because help articles usually answer the commonest question there.
public struct KnowledgeSection: Sendable, Hashable {
    public var heading: String
    /// Markdown of the section, without its heading line.
    public var markdown: String

    public init(heading: String, markdown: String) {
        self.heading = heading
        self.markdown = markdown
    }

    /// Splits an article body at headings of level 2 and deeper. The `# Title` line is dropped (the
    /// title is in the front matter); headings inside fenced code blocks are text.
    static func split(_ body: String, title: String) -> [KnowledgeSection] {
        var sections: [KnowledgeSection] = []
        var heading = title
        var lines: [Substring] = []
        var inFence = false
        func flush() {
            let markdown = lines.joined(separator: "\n").trimmingWhitespace()
            if !markdown.isEmpty { sections.append(KnowledgeSection(heading: heading, markdown: markdown)) }
            lines = []
        }
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            if !inFence, let level = Self.headingLevel(trimmed) {
                if level == 1 { continue }
                flush()
                heading = String(trimmed.dropFirst(level)).trimmingWhitespace()
                continue
            }
            lines.append(line)
        }
        flush()
        return sections
    }

    private static func headingLevel(_ line: Substring) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        return rest.isEmpty || rest.first == " " ? hashes : nil
    }
}
