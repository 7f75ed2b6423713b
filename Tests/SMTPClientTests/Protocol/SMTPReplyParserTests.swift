import Testing

@testable import SMTPClient

@Suite struct SMTPReplyParserTests {
    private func parse(_ lines: [String]) throws -> [SMTPReply] {
        var parser = SMTPReplyParser()
        return try lines.compactMap { try parser.feed(Array($0.utf8)) }
    }

    @Test func singleLine() throws {
        #expect(try parse(["250 2.0.0 Ok: queued as 4F2A1"]) == [SMTPReply(code: 250, lines: ["2.0.0 Ok: queued as 4F2A1"])])
        #expect(try parse(["354"]) == [SMTPReply(code: 354, lines: [""])])
        #expect(try parse(["221 Bye\r"]) == [SMTPReply(code: 221, lines: ["Bye"])])
    }

    @Test func multiLineRepliesEndAtTheSpaceLine() throws {
        let replies = try parse(["250-smtp.example.com", "250-PIPELINING", "250-SIZE 10240000", "250 8BITMIME", "220 next"])
        #expect(replies.count == 2)
        #expect(replies[0] == SMTPReply(code: 250, lines: ["smtp.example.com", "PIPELINING", "SIZE 10240000", "8BITMIME"]))
        #expect(replies[1].code == 220)
    }

    @Test func textIsJoinedForPeople() throws {
        let reply = try parse(["550-5.7.1 Message rejected.", "550 5.7.1 See https://example.com/policy"])[0]
        #expect(reply.description == "550 5.7.1 Message rejected. 5.7.1 See https://example.com/policy")
        #expect(reply.codeClass == 5)
    }

    @Test(arguments: ["", "25", "abc hello", "250x", "650 nope", "2a0 x", "199 x", " 250 x"])
    func rejectsWhatIsNotAReplyLine(line: String) {
        var parser = SMTPReplyParser()
        #expect(throws: SMTPProtocolError.self) { try parser.feed(Array(line.utf8)) }
    }

    @Test func rejectsACodeChangeInsideAReply() {
        var parser = SMTPReplyParser()
        #expect(throws: SMTPProtocolError.self) {
            _ = try parser.feed(Array("250-a".utf8))
            _ = try parser.feed(Array("251 b".utf8))
        }
    }

    @Test func limitsTheNumberOfLines() {
        var parser = SMTPReplyParser()
        #expect(throws: SMTPProtocolError.self) {
            for _ in 0...SMTPReplyParser.maximumLines { _ = try parser.feed(Array("250-x".utf8)) }
        }
    }

    @Test func invalidUTF8IsReplacedNotFatal() throws {
        var parser = SMTPReplyParser()
        let reply = try parser.feed([0x35, 0x35, 0x30, 0x20, 0xFF, 0x41])
        #expect(reply?.code == 550)
        #expect(reply?.text == "\u{FFFD}A")
    }
}
