/// Why a knowledge-base file could not be read as an article. The description names the file and, where
/// it helps, the line, so a writer can fix it without reading code: `billing/refunds.md:4: tags: …`.
public struct KnowledgeArticleError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Reason: Hashable {
        case noFrontMatter
        case unterminatedFrontMatter
        case notKeyValue(String)
        case duplicateKey(String)
        case unterminatedQuote(key: String)
        case unterminatedList(key: String)
        case nestedValue(key: String)
        case missingField(String)
        case wrongType(key: String, expected: String)
        case invalidLanguage(String)
        case emptyValue(key: String)
        case notUTF8
        case unreadable(String)
    }

    /// The file, relative to the knowledge-base folder.
    public let path: String
    /// 1-based line in the file, when the problem is on one line.
    public let line: Int?
    let reason: Reason

    init(path: String, line: Int? = nil, _ reason: Reason) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// The file's bytes are not UTF-8, so it cannot be Markdown we index.
    public static func notUTF8(path: String) -> KnowledgeArticleError {
        KnowledgeArticleError(path: path, .notUTF8)
    }

    /// The file is listed but cannot be read (permissions, removed mid-scan).
    public static func unreadable(path: String, reason: String) -> KnowledgeArticleError {
        KnowledgeArticleError(path: path, .unreadable(reason))
    }

    public var description: String {
        let place = line.map { "\(path):\($0)" } ?? path
        let message = switch reason {
        case .noFrontMatter:
            "no front matter: the file must start with a line `---`, then title, tags, lang and url, then `---`"
        case .unterminatedFrontMatter:
            "the front matter is never closed with a line `---`"
        case .notKeyValue(let text):
            "expected `key: value`, found \"\(text)\""
        case .duplicateKey(let key):
            "\(key) is given twice"
        case .unterminatedQuote(let key):
            "\(key): a quoted value is never closed"
        case .unterminatedList(let key):
            "\(key): a `[` list is never closed with `]`"
        case .nestedValue(let key):
            "\(key): nested mappings are not supported; use a string or a list"
        case .missingField(let key):
            "the front matter has no \(key)"
        case .wrongType(let key, let expected):
            "\(key) must be \(expected)"
        case .invalidLanguage(let value):
            "lang \"\(value)\" is not a BCP 47 tag such as en, ar or hi-Latn"
        case .emptyValue(let key):
            "\(key) is empty"
        case .notUTF8:
            "the file is not UTF-8 text"
        case .unreadable(let reason):
            "cannot be read: \(reason)"
        }
        return "\(place): \(message)"
    }
}
