/// Chooses the readable body of a message and lists its attachments.
///
/// Body choice follows Python's `get_body(preferencelist=("plain", "html"))`: a depth-first walk that skips
/// `Content-Disposition: attachment` parts, enters only the root of a `multipart/related` and never enters
/// an encapsulated message. Unlike Python, an empty `text/plain` does not win over a non-empty HTML
/// alternative, and a message whose only text is a forwarded `message/rfc822` yields that text.
///
/// Attachments follow `iter_attachments()` on the top-level part, with the corrections the corpus makes:
/// `multipart/report` parts are not attachments, inline `cid:` images of a related body are not
/// attachments, and inline text fragments of an Apple-Mail style body belong to the text.
enum BodyExtractor {
    struct Result {
        var text: String
        /// Where to look for quoted history: the text, or for HTML a rendering that marks blockquotes.
        var quoteSource: String
        var attachments: [EmailAttachment]
    }

    private struct Candidate {
        var path: [Int]
        var isHTML: Bool
    }

    static func extract(_ root: MIMEPart, depth: Int = 0) -> Result {
        var candidates: [Candidate] = []
        collect(root, path: [], into: &candidates)
        var result = Result(text: "", quoteSource: "", attachments: attachments(of: root))

        if let (path, raw) = firstPlain(root, candidates) {
            let text = withFragments(raw, root, after: path, html: false)
            result.text = TextNormalizer.bodyText(text)
            result.quoteSource = result.text
            return result
        }
        for candidate in candidates where candidate.isHTML {
            let html = withFragments(part(root, at: candidate.path).decodedText(), root, after: candidate.path, html: true)
            let text = TextNormalizer.bodyText(HTMLTextConverter.convert(html))
            guard !text.isEmpty else { continue }
            result.text = text
            result.quoteSource = TextNormalizer.bodyText(HTMLTextConverter.convert(html, markQuotes: true))
            return result
        }
        // A single part of another text type (text/enriched, text/x-…): read it as plain text.
        if root.children.isEmpty, root.isText, !root.isAttachment {
            result.text = TextNormalizer.bodyText(root.decodedText())
            result.quoteSource = result.text
            if !result.text.isEmpty { return result }
        }
        // Only a forwarded message: its text is what there is to read.
        if depth < 4, let embedded = firstEmbedded(root) {
            let inner = extract(embedded, depth: depth + 1)
            result.text = inner.text
            result.quoteSource = inner.quoteSource
        }
        return result
    }

    private static func firstPlain(_ root: MIMEPart, _ candidates: [Candidate]) -> ([Int], String)? {
        for candidate in candidates where !candidate.isHTML {
            let raw = part(root, at: candidate.path).decodedText()
            if raw.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) { return (candidate.path, raw) }
        }
        return nil
    }

    private static func collect(_ part: MIMEPart, path: [Int], into candidates: inout [Candidate]) {
        if part.isAttachment { return }
        if part.isMultipart {
            if part.subType == "related" {
                let root = relatedRoot(part)
                if root < part.children.count { collect(part.children[root], path: path + [root], into: &candidates) }
            } else {
                for (index, child) in part.children.enumerated() {
                    collect(child, path: path + [index], into: &candidates)
                }
            }
            return
        }
        guard part.isText else { return }
        if part.subType == "plain" {
            candidates.append(Candidate(path: path, isHTML: false))
        } else if part.subType == "html" {
            candidates.append(Candidate(path: path, isHTML: true))
        }
    }

    /// The root of a `multipart/related`: the part named by `start`, else the first.
    private static func relatedRoot(_ part: MIMEPart) -> Int {
        if let start = part.contentType.parameters["start"] {
            let id = MessageIDList.messageID(Array(start.utf8)[...])
            if let index = part.children.firstIndex(where: { $0.contentID != nil && $0.contentID == id }) { return index }
        }
        return 0
    }

    private static func part(_ root: MIMEPart, at path: [Int]) -> MIMEPart {
        var current = root
        for index in path { current = current.children[index] }
        return current
    }

    /// Apple Mail sends text / image / text as siblings in a `multipart/mixed`; the later inline text
    /// parts of the body's type continue the body.
    private static func withFragments(_ base: String, _ root: MIMEPart, after path: [Int], html: Bool) -> String {
        guard let last = path.last else { return base }
        let parent = part(root, at: Array(path.dropLast()))
        guard parent.subType == "mixed" else { return base }
        var text = base
        for sibling in parent.children[(last + 1)...] where isTextFragment(sibling) && (sibling.subType == "html") == html {
            if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
            text += sibling.decodedText()
        }
        return text
    }

    private static func isTextFragment(_ part: MIMEPart) -> Bool {
        part.children.isEmpty && part.isText && (part.subType == "plain" || part.subType == "html")
            && !part.isAttachment && part.filename == nil
    }

    private static func firstEmbedded(_ part: MIMEPart) -> MIMEPart? {
        if let embedded = part.embedded.first { return embedded }
        // The returned message of a bounce is not the bounce's text.
        if part.subType == "report" { return nil }
        for child in part.children {
            if let found = firstEmbedded(child) { return found }
        }
        return nil
    }

    // MARK: - Attachments

    private static let bodyTypes: Set<String> = ["text/plain", "text/html", "multipart/related", "multipart/alternative"]

    static func attachments(of part: MIMEPart) -> [EmailAttachment] {
        guard part.isMultipart, !part.children.isEmpty else { return [] }
        switch part.subType {
        case "alternative", "report":
            return []
        case "related":
            let root = relatedRoot(part)
            var result: [EmailAttachment] = []
            var referenced: Set<String>?
            for (index, child) in part.children.enumerated() where index != root {
                if child.isMultipart {
                    result += attachments(of: child)
                    continue
                }
                if let cid = child.contentID {
                    if !child.isAttachment { continue }
                    if referenced == nil { referenced = referencedContentIDs(part.children[root]) }
                    if referenced?.contains(cid.lowercased()) == true { continue }
                }
                result.append(attachment(child))
            }
            return result
        default:
            var result: [EmailAttachment] = []
            var seen: Set<String> = []
            for child in part.children {
                let type = child.contentType.value
                if bodyTypes.contains(type), !child.isAttachment, !seen.contains(type) {
                    seen.insert(type)
                    continue
                }
                if isTextFragment(child) { continue }
                if child.isMultipart {
                    result += attachments(of: child)
                    continue
                }
                result.append(attachment(child))
            }
            return result
        }
    }

    private static func attachment(_ part: MIMEPart) -> EmailAttachment {
        EmailAttachment(filename: part.filename, contentType: part.contentType.value, size: part.decodedSize())
    }

    /// Lower-cased ids referenced as `cid:` anywhere in the HTML of a related body.
    private static func referencedContentIDs(_ root: MIMEPart) -> Set<String> {
        var htmlParts: [MIMEPart] = []
        func walk(_ p: MIMEPart) {
            if p.isText, p.subType == "html" { htmlParts.append(p) }
            for c in p.children { walk(c) }
        }
        walk(root)
        var ids: Set<String> = []
        for html in htmlParts {
            let text = Array(html.decodedText().utf8).map(ASCII.lower)
            var i = 0
            while i + 4 <= text.count {
                if text[i] == 0x63, text[i + 1] == 0x69, text[i + 2] == 0x64, text[i + 3] == ASCII.colon {
                    var j = i + 4
                    var id: [UInt8] = []
                    while j < text.count, text[j] != ASCII.quote, text[j] != 0x27, text[j] != ASCII.greater,
                          !ASCII.isWhitespace(text[j]), text[j] != 0x29 {
                        id.append(text[j])
                        j += 1
                    }
                    ids.insert(String(decoding: id, as: UTF8.self))
                    i = j
                } else {
                    i += 1
                }
            }
        }
        return ids
    }
}
