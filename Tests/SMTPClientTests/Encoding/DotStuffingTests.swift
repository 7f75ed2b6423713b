import Foundation
import Testing

@testable import SMTPClient

@Suite struct DotStuffingTests {
    private func stuff(_ text: String) -> String {
        String(decoding: DotStuffing.stuff(Array(text.utf8)), as: UTF8.self)
    }

    @Test func doublesLeadingDots() {
        #expect(stuff(".hidden\r\nplain\r\n..two\r\n") == "..hidden\r\nplain\r\n...two\r\n")
    }

    @Test func aLoneDotLineCannotEndTheData() {
        #expect(stuff("before\r\n.\r\nafter\r\n") == "before\r\n..\r\nafter\r\n")
    }

    @Test func dotsInsideLinesAreLeftAlone() {
        #expect(stuff("a.b\r\n end.\r\n") == "a.b\r\n end.\r\n")
    }

    @Test func addsTheMissingFinalLineBreak() {
        #expect(stuff("no newline") == "no newline\r\n")
        #expect(stuff(".") == "..\r\n")
        #expect(stuff("") == "")
    }

    @Test func stuffsAfterABareLineFeedToo() {
        #expect(stuff("a\n.b\r\n") == "a\n..b\r\n")
    }

    @Test(arguments: [
        ".\r\n", "..\r\n.\r\n", "x\r\n.\r\n.y\r\n", "\r\n\r\n.\r\n", "ذهب.\r\n.ไทย\r\n",
    ])
    func roundTripsThroughTheReceiverRule(text: String) {
        let bytes = Array(text.utf8)
        let stuffed = DotStuffing.stuff(bytes)
        #expect(ReferenceDecoders.unstuff(stuffed) == bytes)
        // No line of the payload is the terminator.
        #expect(!String(decoding: stuffed, as: UTF8.self).components(separatedBy: "\r\n").contains("."))
    }
}
