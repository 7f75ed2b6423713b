/// The YAML front matter of a knowledge-base article, parsed as the small subset articles use: one
/// `key: value` per line, where a value is a plain or quoted string, a flow list `[a, "b, c"]`, or a
/// block list of `- item` lines under an empty `key:`. Comments and blank lines are skipped.
///
/// A full YAML parser would accept far more (anchors, nested maps, multi-document files) and answer
/// mistakes with errors about YAML rather than about the article; this one names the file, the line and
/// the key.
struct FrontMatter: Sendable, Hashable {
    enum Value: Sendable, Hashable {
        case string(String)
        case list([String])
    }

    var fields: [String: Value]
    /// Where each key was written, for errors found after parsing (a missing or mistyped field).
    var lines: [String: Int]
    /// The Markdown after the closing `---`.
    var body: String

    static func parse(_ text: String, path: String) throws(KnowledgeArticleError) -> FrontMatter {
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            throw KnowledgeArticleError(path: path, line: 1, .noFrontMatter)
        }
        var fields: [String: Value] = [:]
        var keyLines: [String: Int] = [:]
        var openList: String?
        var index = 1
        while index < lines.count {
            let line = lines[index]
            let number = index + 1
            index += 1
            let trimmed = line.trimmingTrailingSpaces()
            if trimmed == "---" || trimmed == "..." {
                let body = lines[index...].joined(separator: "\n")
                return FrontMatter(fields: fields, lines: keyLines, body: body)
            }
            let content = trimmed.drop { $0 == " " || $0 == "\t" }
            if content.isEmpty || content.hasPrefix("#") { continue }
            if content.hasPrefix("- ") || content == "-" {
                guard let key = openList, line.first == " " || line.first == "\t" || line.first == "-" else {
                    throw KnowledgeArticleError(path: path, line: number, .notKeyValue(String(content)))
                }
                let item = try scalar(content.dropFirst().drop { $0 == " " }, key: key, path: path, line: number)
                if case .list(let items) = fields[key] { fields[key] = .list(items + [item]) } else { fields[key] = .list([item]) }
                continue
            }
            guard line.first != " " && line.first != "\t" else {
                throw KnowledgeArticleError(path: path, line: number, .nestedValue(key: openList ?? String(content)))
            }
            guard let colon = content.firstIndex(of: ":") else {
                throw KnowledgeArticleError(path: path, line: number, .notKeyValue(String(content)))
            }
            let key = String(content[..<colon]).trimmingWhitespace()
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                throw KnowledgeArticleError(path: path, line: number, .notKeyValue(String(content)))
            }
            guard fields[key] == nil else { throw KnowledgeArticleError(path: path, line: number, .duplicateKey(key)) }
            keyLines[key] = number
            let rest = content[content.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            openList = nil
            if rest.isEmpty || rest.hasPrefix("#") {
                // Either an empty value or the start of a block list; the next lines decide.
                fields[key] = .list([])
                openList = key
            } else if rest.hasPrefix("[") {
                fields[key] = .list(try flowList(rest, key: key, path: path, line: number))
            } else if rest.hasPrefix("{") {
                throw KnowledgeArticleError(path: path, line: number, .nestedValue(key: key))
            } else {
                fields[key] = .string(try scalar(rest, key: key, path: path, line: number))
            }
        }
        throw KnowledgeArticleError(path: path, .unterminatedFrontMatter)
    }

    /// A plain, single-quoted or double-quoted scalar, with a trailing ` # comment` removed from plain ones.
    private static func scalar(_ text: Substring, key: String, path: String, line: Int) throws(KnowledgeArticleError) -> String {
        var text = text
        guard let quote = text.first, quote == "\"" || quote == "'" else {
            if let comment = text.firstRange(of: " #") { text = text[..<comment.lowerBound] }
            return String(text).trimmingWhitespace()
        }
        var reader = QuotedReader(text: text)
        guard let value = reader.read() else { throw KnowledgeArticleError(path: path, line: line, .unterminatedQuote(key: key)) }
        let rest = String(reader.rest).trimmingWhitespace()
        guard rest.isEmpty || rest.hasPrefix("#") else {
            throw KnowledgeArticleError(path: path, line: line, .notKeyValue(String(text)))
        }
        return value
    }

    /// `[a, "b, c", 'd']` on one line.
    private static func flowList(_ text: Substring, key: String, path: String, line: Int) throws(KnowledgeArticleError) -> [String] {
        var items: [String] = []
        var rest = text.dropFirst()
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let next = rest.first else { throw KnowledgeArticleError(path: path, line: line, .unterminatedList(key: key)) }
            if next == "]" {
                let after = String(rest.dropFirst()).trimmingWhitespace()
                guard after.isEmpty || after.hasPrefix("#") else {
                    throw KnowledgeArticleError(path: path, line: line, .notKeyValue(String(text)))
                }
                return items
            }
            if next == "\"" || next == "'" {
                var reader = QuotedReader(text: rest)
                guard let value = reader.read() else { throw KnowledgeArticleError(path: path, line: line, .unterminatedQuote(key: key)) }
                items.append(value)
                rest = reader.rest.drop { $0 == " " || $0 == "\t" }
            } else {
                guard let end = rest.firstIndex(where: { $0 == "," || $0 == "]" }) else {
                    throw KnowledgeArticleError(path: path, line: line, .unterminatedList(key: key))
                }
                let item = String(rest[..<end]).trimmingWhitespace()
                if !item.isEmpty { items.append(item) }
                rest = rest[end...]
            }
            if rest.first == "," { rest = rest.dropFirst() }
        }
    }
}

/// Reads one quoted YAML scalar: `"…"` with backslash escapes, or `'…'` where `''` is a quote.
private struct QuotedReader {
    var rest: Substring

    init(text: Substring) { rest = text }

    mutating func read() -> String? {
        guard let quote = rest.first else { return nil }
        rest = rest.dropFirst()
        var value = ""
        while let character = rest.first {
            rest = rest.dropFirst()
            if character == quote {
                if quote == "'", rest.first == "'" {
                    value.append("'")
                    rest = rest.dropFirst()
                    continue
                }
                return value
            }
            if quote == "\"", character == "\\", let escaped = rest.first {
                rest = rest.dropFirst()
                switch escaped {
                case "n": value.append("\n")
                case "t": value.append("\t")
                default: value.append(escaped)
                }
                continue
            }
            value.append(character)
        }
        return nil
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
