import Desk
import IRC
import Testing

@Suite("OutgoingText")
struct OutgoingTextTests {
    @Test("controls and bidi overrides go, line breaks and the marks scripts need stay")
    func cleans() {
        let raw = "Hi Omar\u{202E}\u{1}ACTION\u{1}\r\n\r\nRefund of AED 299\tis done.\u{0}\u{7F}\u{2028}مرحبا\u{200F} 👩‍💻"
        #expect(OutgoingText.clean(raw) == "Hi OmarACTION\n\nRefund of AED 299 is done.\nمرحبا\u{200F} 👩‍💻")
        #expect(OutgoingText.clean("  a   b  \n  c ") == "a b\nc")
    }

    /// What an agent reads in IRC is what is sent: each displayed line is a line of the stored draft, and
    /// the IRC sanitiser finds nothing left to change in it.
    @Test(arguments: [
        "Hello\u{202D} there\n\u{3}04red\u{3} text\u{2}bold",
        "line one\r\n\u{85}  line   two\u{2066}x\u{2069}",
        "سأتحقق\u{200F} من الموضوع\u{000B}وأرجع لك",
    ])
    func shownIsSent(raw: String) {
        let cleaned = OutgoingText.clean(raw)
        for line in OutgoingText.displayLines(cleaned) {
            #expect(IRCSanitizer.singleLine(line) == line)
            #expect(cleaned.contains(line))
        }
        #expect(OutgoingText.clean(cleaned) == cleaned, "cleaning is idempotent")
    }
}
