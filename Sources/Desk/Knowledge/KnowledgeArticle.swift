/// A help-centre article: a Markdown file whose YAML front matter gives `title`, `tags`, `lang` and `url`.
///
/// Translations of one article live next to it as `name.LANG.md` (`refunds.md`, `refunds.ar.md`); they
/// share a ``topic``, so search can offer the customer's language when the same answer exists in it.
public struct KnowledgeArticle: Sendable, Hashable {
    /// Relative to the knowledge-base folder, with `/` separators.
    public var path: String
    public var title: String
    public var tags: [String]
    /// A BCP 47 tag: `en`, `ar`, `hi-Latn`, …
    public var lang: String
    public var url: String
    /// The Markdown after the front matter.
    public var body: String
    public var sections: [KnowledgeSection]

    public init(path: String, title: String, tags: [String], lang: String, url: String, body: String) {
        self.path = path
        self.title = title
        self.tags = tags
        self.lang = lang
        self.url = url
        self.body = body
        sections = KnowledgeSection.split(body, title: title)
    }

    /// The path without `.md` and without a `.LANG` suffix that names this article's language, so every
    /// translation of an article has the same topic.
    public var topic: String {
        Self.topic(path: path, lang: lang)
    }

    public static func topic(path: String, lang: String) -> String {
        var stem = Substring(path)
        if stem.lowercased().hasSuffix(".md") { stem = stem.dropLast(3) }
        let suffix = "." + lang
        if stem.lowercased().hasSuffix(suffix.lowercased()) { stem = stem.dropLast(suffix.count) }
        return String(stem)
    }

    /// The topic of a path alone: `.md` and a final `.LANG` (anything shaped like a language tag) removed.
    public static func topic(ofPath path: String) -> String {
        var stem = Substring(path)
        if stem.lowercased().hasSuffix(".md") { stem = stem.dropLast(3) }
        if let dot = stem.lastIndex(of: "."), !stem[dot...].contains("/"), isLanguageTag(String(stem[stem.index(after: dot)...])) {
            stem = stem[..<dot]
        }
        return String(stem)
    }

    /// Parses a file's text. `path` is used for the article's identity and in error messages.
    public static func parse(path: String, text: String) throws(KnowledgeArticleError) -> KnowledgeArticle {
        let matter = try FrontMatter.parse(text, path: path)
        func string(_ key: String) throws(KnowledgeArticleError) -> String {
            switch matter.fields[key] {
            case nil:
                throw KnowledgeArticleError(path: path, .missingField(key))
            case .list(let items) where items.isEmpty:
                throw KnowledgeArticleError(path: path, line: matter.lines[key], .emptyValue(key: key))
            case .list:
                throw KnowledgeArticleError(path: path, line: matter.lines[key], .wrongType(key: key, expected: "a single value"))
            case .string(let value):
                guard !value.isEmpty else { throw KnowledgeArticleError(path: path, line: matter.lines[key], .emptyValue(key: key)) }
                return value
            }
        }
        let title = try string("title")
        let lang = try string("lang")
        guard isLanguageTag(lang) else { throw KnowledgeArticleError(path: path, line: matter.lines["lang"], .invalidLanguage(lang)) }
        let url = try string("url")
        let tags: [String]
        switch matter.fields["tags"] {
        case nil: tags = []
        case .list(let items): tags = items.filter { !$0.isEmpty }
        // `tags: refunds` is a list of one; YAML writers mean that often enough.
        case .string(let value): tags = [value]
        }
        return KnowledgeArticle(path: path, title: title, tags: tags, lang: lang, url: url, body: matter.body)
    }

    /// `xx`, `xxx`, then subtags of 2–8 letters or digits: `en`, `ar-Latn`, `zh-Hant-TW`.
    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
