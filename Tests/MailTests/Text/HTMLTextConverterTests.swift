import Testing
@testable import Mail

@Suite struct HTMLTextConverterTests {
    private func convert(_ s: String) -> String {
        HTMLTextConverter.convert(s)
    }

    @Test func blocksBreaksAndParagraphs() {
        #expect(convert("<div dir=\"ltr\">Hi,<br><br>I am on leave.<br>Regards,<br>Arjun</div>") == "Hi,\n\nI am on leave.\nRegards,\nArjun")
        #expect(convert("<p>One</p><p>Two</p>") == "One\n\nTwo")
        #expect(convert("<div>A</div><div><br></div><div>B</div>") == "A\n\nB")
        #expect(convert("<ul><li>a</li><li>b</li></ul><h2>T</h2>x") == "a\nb\nT\nx")
        #expect(convert("<table><tr><td>Order</td><td>BZ-1</td></tr><tr><td>Total</td><td>9</td></tr></table>") == "Order BZ-1\nTotal 9")
    }

    @Test func droppedElementsAndComments() {
        let html = """
        <html><head><title>T</title><style>p {color:red}</style></head>
        <body><!-- a comment --><script>var x = "<p>";</script><p>Visible</p><!--[if mso]><p>mso</p><![endif]--></body></html>
        """
        #expect(convert(html) == "Visible")
        #expect(convert("<head><meta charset=utf-8><body>No closing head</body>") == "No closing head")
    }

    @Test func entities() {
        #expect(convert("A &amp; B &lt;c&gt; &quot;d&quot; &#8211; &#x2019; &eacute; &nbsp;x &copy; &bogus; &amp") == "A & B <c> \"d\" – ’ é x © &bogus; &")
        #expect(convert("&#150;&#0;") == "–\u{FFFD}")
        #expect(Array(convert("&#x1F600;&#65;&#xE9;&#x20AC;").utf8) == Array("\u{1F600}A\u{E9}\u{20AC}".utf8))
    }

    @Test func whitespaceCollapsesAndLinesAreStripped() {
        #expect(convert("  a \n\t b&nbsp;&nbsp;c  <br>   d  ") == "a b c\nd")
        #expect(convert("<p>  </p><p>&nbsp;</p><p>x</p><p></p><p></p>") == "x")
    }

    @Test func linksAndImagesDroppedAnchorTextKept() {
        #expect(convert("<a href=\"https://x.example/?a=1&b=2\">Read the notes</a> now <img src=\"cid:x\" alt=\"photo\">") == "Read the notes now")
    }

    @Test func attributeValuesMayContainAngleBrackets() {
        #expect(convert("<div title=\"a > b\">text</div>") == "text")
    }

    @Test func blockquotesCanBeMarked() {
        let html = "<div>Answer</div><div class=\"gmail_quote\">On Mon wrote:<blockquote>Question<br>two</blockquote></div>"
        #expect(HTMLTextConverter.convert(html, markQuotes: true) == "Answer\nOn Mon wrote:\n> Question\n> two")
        #expect(HTMLTextConverter.convert(html) == "Answer\nOn Mon wrote:\nQuestion\ntwo")
    }

    @Test func brokenMarkupNeverLosesText() {
        #expect(convert("a < b and c > d") == "a < b and c > d")
        #expect(convert("<p>unterminated <b") == "unterminated")
        #expect(convert("text <!-- never closed") == "text")
    }
}
