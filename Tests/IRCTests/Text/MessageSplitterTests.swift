import IRC
import Testing

@Suite struct MessageSplitterTests {
    static let source = IRCSource("switchboard!~sb@bot.example.com")

    static func relayedLine(_ piece: String, command: String = "PRIVMSG", target: String, source: IRCSource) -> String {
        ":\(source) \(command) \(target) :\(piece)\r\n"
    }

    @Test func budgetCountsTheRelayedPrefix() {
        // 510 − len(":switchboard!~sb@bot.example.com ") − len("PRIVMSG #support :")
        #expect(MessageSplitter.budget(target: "#support", source: Self.source) == 510 - 33 - 18)
        #expect(MessageSplitter.budget(command: "NOTICE", target: "#support", source: Self.source) == 510 - 33 - 17)
    }

    @Test func shortTextIsOnePiece() {
        #expect(MessageSplitter.split("hello", target: "#c", source: Self.source) == ["hello"])
        #expect(MessageSplitter.split("", target: "#c", source: Self.source) == [])
    }

    /// Pieces keep the whitespace they broke after, so they concatenate back to the text exactly.
    @Test func breaksAfterWhitespaceAndRejoinsByConcatenation() {
        let text = (1...200).map { "word\($0)" }.joined(separator: " ")
        let pieces = MessageSplitter.split(text, target: "#support", source: Self.source)
        #expect(pieces.count > 1)
        #expect(pieces.joined() == text)
        for piece in pieces.dropLast() {
            #expect(piece.hasSuffix(" "))
            #expect(!piece.dropLast().hasSuffix(" "))
        }
        for piece in pieces {
            #expect(Self.relayedLine(piece, target: "#support", source: Self.source).utf8.count <= 512)
        }
    }

    @Test func smallBudgetsBreakAtTheLastFittingSpace() {
        #expect(MessageSplitter.split("aa bb cc", maxBytes: 6) == ["aa bb ", "cc"])
        #expect(MessageSplitter.split("aaaaaaaa bb", maxBytes: 4) == ["aaaa", "aaaa", " bb"])
        #expect(MessageSplitter.split("a  b", maxBytes: 2) == ["a ", " b"])
    }

    @Test(arguments: [
        String(repeating: "السَّلَامُعَلَيْكُمْ", count: 60),
        String(repeating: "กำลังไปน้ำ", count: 80),
        String(repeating: "क्षत्रियहिन्दी", count: 60),
        String(repeating: "👨‍👩‍👧‍👦🏳️‍🌈👍🏽🏴󠁧󠁢󠁥󠁮󠁧󠁿", count: 30),
    ])
    func breaksWithoutWhitespaceOnlyAtGraphemeBoundaries(_ text: String) {
        let pieces = MessageSplitter.split(text, target: "#support", source: Self.source)
        let budget = MessageSplitter.budget(target: "#support", source: Self.source)
        #expect(pieces.count > 1)
        #expect(pieces.joined() == text)
        #expect(pieces.map(\.count).reduce(0, +) == text.count)
        #expect(pieces.allSatisfy { $0.utf8.count <= budget })
        // Greedy: each piece is full up to the size of the next grapheme.
        for (piece, next) in zip(pieces, pieces.dropFirst()) {
            #expect(piece.utf8.count + next.first!.utf8.count > budget)
        }
    }

    @Test func familyEmojiIsNeverCut() {
        let family = "👨‍👩‍👧‍👦"
        #expect(family.utf8.count == 25)
        #expect(MessageSplitter.split(family + family + family, maxBytes: 30) == [family, family, family])
        #expect(MessageSplitter.split(family + family, maxBytes: 50) == [family + family])
    }

    /// One grapheme of 601 scalars (1,201 bytes) cannot fit; it is cut at scalar boundaries and still fits.
    /// With a budget of 459: `e` + 229 marks, 229 marks, 142 marks, then the rest of the text.
    @Test func oversizedGraphemeStillMakesProgress() {
        let zalgo = "e" + String(repeating: "\u{301}", count: 600) + " ok"
        let budget = MessageSplitter.budget(target: "#support", source: Self.source)
        #expect(budget == 459)
        let pieces = MessageSplitter.split(zalgo, target: "#support", source: Self.source)
        #expect(pieces.joined() == zalgo)
        #expect(pieces.map(\.utf8.count) == [459, 458, 284, 3])
        #expect(pieces.last == " ok")
    }

    @Test func budgetBelowOneScalarStillTerminates() {
        #expect(MessageSplitter.split("😀😀", maxBytes: 2) == ["😀", "😀"])
        #expect(MessageSplitter.split("ab", maxBytes: 0) == ["a", "b"])
    }

    @Test func randomTextNeverOverflowsAndAlwaysRejoins() {
        var generator = SeededGenerator(seed: 0x5EED_0003)
        let pool = RandomText.readable + [" ", " ", " ", "\t"]
        for _ in 0..<2_000 {
            let text = RandomText.text(from: pool, length: 0...1_200, using: &generator)
            let nick = String(repeating: "n", count: Int.random(in: 1...30, using: &generator))
            let host = RandomText.middle(using: &generator) + ".example"
            let source = IRCSource(nick: nick, user: "~u", host: host)
            let target = "#" + RandomText.middle(using: &generator)
            let command = Bool.random(using: &generator) ? "PRIVMSG" : "NOTICE"
            let pieces = MessageSplitter.split(text, command: command, target: target, source: source)
            #expect(pieces.joined() == text)
            #expect(pieces.map(\.count).reduce(0, +) == text.count)
            #expect(!pieces.contains(""))
            let overflow = pieces.first {
                Self.relayedLine($0, command: command, target: target, source: source).utf8.count > 512
            }
            #expect(overflow == nil)
            if pieces.joined() != text || overflow != nil { break }
        }
    }
}
