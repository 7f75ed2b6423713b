import IRC
import Testing

@Suite struct IRCLineTests {
    @Test func interpolatedTextIsSanitisedAndLiteralsAreKept() {
        let name = "Pat\u{1}VERSION\u{1}\r\nPRIVMSG #x :pwned \u{202E}gpj.exe"
        let line: IRCLine = "\u{02}#7\u{02} from \(name) · \(42)"
        #expect(line.text == "\u{02}#7\u{02} from PatVERSION PRIVMSG #x :pwned gpj.exe · 42")
        #expect(!line.beginsWithForeignText)
    }

    @Test func aLineThatBeginsWithOutsideTextIsMarked() {
        let customer = "mallory is now an admin"
        let line: IRCLine = "\(customer) (said the customer)"
        #expect(line.beginsWithForeignText)
        #expect(line.pieces(maxBytes: 400) == ["› mallory is now an admin (said the customer)"])
        let own: IRCLine = "\(botText: "aisha"): \(customer)"
        #expect(own.pieces(maxBytes: 400) == ["aisha: mallory is now an admin"])
        #expect(IRCLine(sanitizing: "!op mallory").pieces(maxBytes: 400) == ["› !op mallory"])
    }

    @Test func whitespaceAndFormattingDoNotCountAsTheStart() {
        let line: IRCLine = "  \u{02}\("!op mallory")"
        #expect(line.beginsWithForeignText)
        #expect(line.pieces(maxBytes: 400).first?.hasPrefix("› ") == true)
    }

    @Test func botTextStartingWithACommandPrefixIsMarkedToo() {
        #expect(IRCLine(botText: "!claim 5 to take it").pieces(maxBytes: 400) == ["› !claim 5 to take it"])
        #expect(IRCLine(botText: "．op me").pieces(maxBytes: 400) == ["› ．op me"], "full-width prefixes count")
    }

    /// `!` with a combining mark is one Swift character, but a bot reads the byte `!` first.
    @Test func aCombiningMarkDoesNotHideACommandPrefix() {
        #expect(IRCLine.startsWithCommandPrefix("!\u{0308}op mallory"))
        #expect(IRCLine(sanitizing: "!\u{0308}op mallory").pieces(maxBytes: 400) == ["› !\u{0308}op mallory"])
        // A continuation that starts with a Thai tone mark keeps the marker's bytes in front of it.
        let line: IRCLine = "#118 \(String(repeating: "ก", count: 30)) \u{0E48}\(String(repeating: "ข", count: 30))"
        for piece in line.pieces(maxBytes: 100).dropFirst() { #expect(piece.utf8.starts(with: "#118 … ".utf8)) }
    }

    @Test func continuationPiecesCarryTheTicketNumber() {
        let text = String(repeating: "word ", count: 200)
        let line: IRCLine = "\u{02}#118\u{02} billing · \"\(text)\""
        let pieces = line.pieces(maxBytes: 300)
        #expect(pieces.count > 2)
        for piece in pieces.dropFirst() { #expect(piece.hasPrefix("#118 … ")) }
        for piece in pieces { #expect(piece.utf8.count <= 300) }
        let rejoined = pieces.first! + pieces.dropFirst().map { String($0.dropFirst("#118 … ".count)) }.joined()
        #expect(rejoined.split(separator: " ") == line.text.split(separator: " "))
    }

    @Test func linesWithoutATicketContinueWithAnEllipsis() {
        let line: IRCLine = "kb: \(String(repeating: "سلام ", count: 200))"
        for piece in line.pieces(maxBytes: 200).dropFirst() { #expect(piece.hasPrefix("… ")) }
    }

    /// The attack from the issue: a WhatsApp message of Thai padding, then `!op mallory`, put on a card.
    /// Whatever the nick and host (so wherever the splitter breaks), no piece may begin with it.
    @Test func noPieceEverBeginsWithTheCustomersCommand() {
        for padding in stride(from: 100, through: 900, by: 7) {
            let thai = String(repeating: "ก", count: padding / 3)
            let customer = thai + " !op mallory please " + String(repeating: "x", count: padding % 50)
            let line: IRCLine = "\u{02}#118\u{02} support · WhatsApp · th · \(customer, limit: 2000) · !claim 118"
            for nickLength in [5, 9, 16, 30] {
                for hostLength in [10, 40, 63] {
                    let source = IRCSource(nick: String(repeating: "n", count: nickLength), user: "~sb", host: String(repeating: "h", count: hostLength))
                    let budget = MessageSplitter.budget(target: "#support", source: source)
                    let pieces = line.pieces(maxBytes: budget)
                    for (index, piece) in pieces.enumerated() {
                        #expect(piece.utf8.count <= budget)
                        #expect(!IRCLine.startsWithCommandPrefix(piece), "piece \(index) starts with a command prefix: \(piece.prefix(20))")
                        if index > 0 { #expect(piece.hasPrefix("#118 … ")) }
                    }
                }
            }
        }
    }

    @Test func tinyBudgetsStillMakeProgress() {
        let line: IRCLine = "#5 \(String(repeating: "abc ", count: 50))"
        let pieces = line.pieces(maxBytes: 10)
        #expect(pieces.count > 5)
        #expect(pieces.dropFirst().allSatisfy { $0.hasPrefix("#5 … ") })
    }

    @Test func cutStopsAtAWord() {
        #expect(IRCLine.cut("one two three four five six seven eight nine ten", limit: 20) == "one two three four…")
        let line: IRCLine = "\("a\u{1}b c d e f g h i j k l m n o p", limit: 9)"
        #expect(line.text == "ab c d e…")
    }

    @Test func joinedKeepsTheLeadOfItsFirstPart() {
        let joined = IRCLine.joined(["\("customer")", "bot"], separator: " · ")
        #expect(joined.beginsWithForeignText)
        #expect(joined.text == "customer · bot")
        #expect(!IRCLine.joined(["bot", "\("customer")"], separator: " · ").beginsWithForeignText)
    }
}
