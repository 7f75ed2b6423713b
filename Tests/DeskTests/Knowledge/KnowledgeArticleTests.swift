import Desk
import Testing

@Suite("Knowledge articles")
struct KnowledgeArticleTests {
    static let refunds = """
        ---
        title: "Refunds: when the money reaches you"
        tags: [refund, "money back, fast", 'card']
        lang: en
        url: https://help.example/refunds   # the public page
        author: billing team
        ---

        # Refunds: when the money reaches you

        We refund mistakes in full.

        ## How to ask for one

        1. Open **Settings → Billing**.
        2. Tap [Request refund](https://help.example/x).

        ```
        ## not a heading inside code
        ```

        ## How long it takes

        Cards take 5–7 working days.
        """

    @Test("front matter: quoted title with a colon, flow list with quotes, comment, unknown keys ignored")
    func parsesFrontMatter() throws {
        let article = try KnowledgeArticle.parse(path: "billing/refunds.md", text: Self.refunds)
        #expect(article.title == "Refunds: when the money reaches you")
        #expect(article.tags == ["refund", "money back, fast", "card"])
        #expect(article.lang == "en")
        #expect(article.url == "https://help.example/refunds")
        #expect(article.topic == "billing/refunds")
        #expect(article.body.hasPrefix("\n# Refunds"))
    }

    @Test("sections: the intro is headed by the title, code fences hide headings, the H1 is dropped")
    func sections() throws {
        let article = try KnowledgeArticle.parse(path: "refunds.md", text: Self.refunds)
        #expect(article.sections.map(\.heading) == ["Refunds: when the money reaches you", "How to ask for one", "How long it takes"])
        #expect(article.sections[0].markdown == "We refund mistakes in full.")
        #expect(article.sections[1].markdown.contains("## not a heading inside code"))
    }

    @Test("block lists, single-quoted escapes, CRLF line ends and a byte-order mark")
    func blockListAndCRLF() throws {
        let text = "\u{FEFF}---\r\ntitle: 'It''s charged twice'\r\ntags:\r\n  - double charge\r\n  - \"refund\"\r\nlang: hi-Latn\r\nurl: https://x.example/a\r\n---\r\nBody\r\n"
        let article = try KnowledgeArticle.parse(path: "billing/duplicate-charge.hi-Latn.md", text: text)
        #expect(article.title == "It's charged twice")
        #expect(article.tags == ["double charge", "refund"])
        #expect(article.lang == "hi-Latn")
        #expect(article.topic == "billing/duplicate-charge", "the language suffix is not part of the topic")
        #expect(article.sections.first?.markdown == "Body")
    }

    @Test("malformed front matter names the file and the line", arguments: [
        ("no front matter here\n", "x.md:1: no front matter"),
        ("---\ntitle: A\nlang: en\nurl: u\n", "x.md: the front matter is never closed"),
        ("---\ntitle: A\nurl: u\n---\n", "x.md: the front matter has no lang"),
        ("---\ntitle: A\nlang: english!\nurl: u\n---\n", "x.md:3: lang \"english!\" is not a BCP 47 tag"),
        ("---\ntitle: A\nlang: en\nurl: u\ntags: [a, b\n---\n", "x.md:5: tags: a `[` list is never closed"),
        ("---\ntitle: \"A\nlang: en\nurl: u\n---\n", "x.md:2: title: a quoted value is never closed"),
        ("---\ntitle: A\ntitle: B\nlang: en\nurl: u\n---\n", "x.md:3: title is given twice"),
        ("---\ntitle: A\nlang: en\nurl: u\nthis line is prose\n---\n", "x.md:5: expected `key: value`"),
        ("---\ntitle: A\nlang: en\nurl:\n  nested: map\n---\n", "x.md:5: url: nested mappings are not supported"),
        ("---\ntitle:\nlang: en\nurl: u\n---\n", "x.md:2: title is empty"),
        ("---\ntitle: [a, b]\nlang: en\nurl: u\n---\n", "x.md:2: title must be a single value"),
    ])
    func errors(text: String, message: String) {
        #expect {
            _ = try KnowledgeArticle.parse(path: "x.md", text: text)
        } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }

    @Test("tags are optional, and a single tag may be written without brackets")
    func optionalTags() throws {
        let none = try KnowledgeArticle.parse(path: "a.md", text: "---\ntitle: A\nlang: ar\nurl: u\n---\nنص")
        #expect(none.tags.isEmpty)
        let one = try KnowledgeArticle.parse(path: "a.md", text: "---\ntitle: A\ntags: refunds\nlang: ar\nurl: u\n---\n")
        #expect(one.tags == ["refunds"])
    }
}
