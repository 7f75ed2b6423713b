import Foundation
import IRC
import Testing

@Suite struct IRCMessageParsingTests {
    /// The known gap in the upstream vectors: a middle parameter with `:` after its first byte.
    @Test func middleParameterContainingColon() throws {
        let message = try IRCMessage(parsing: ":irc.example 005 bot TARGMAX=PRIVMSG:4,NOTICE:4 :are supported")
        #expect(message.source == "irc.example")
        #expect(message.command == "005")
        #expect(message.parameters == ["bot", "TARGMAX=PRIVMSG:4,NOTICE:4", "are supported"])
    }

    @Test(arguments: ["PING :abc\r\n", "PING :abc\n", "PING :abc\r", "PING abc\r\n\r\n"])
    func toleratesTrailingLineEndings(_ line: String) throws {
        let message = try IRCMessage(parsing: line)
        #expect(message.command == "PING")
        #expect(message.parameters == ["abc"])
    }

    @Test func toleratesRepeatedAndLeadingSpaces() throws {
        let message = try IRCMessage(parsing: "  @a=b   :nick!u@h   privmsg   #c    :hi  there ")
        #expect(message.tags == ["a": "b"])
        #expect(message.source == "nick!u@h")
        #expect(message.command == "PRIVMSG")
        #expect(message.parameters == ["#c", "hi  there "])
    }

    @Test func pingWithTagsAndSource() throws {
        let message = try IRCMessage(parsing: "@time=2024-01-01T00:00:00.000Z :irc.example PING :token123")
        #expect(message.command == "PING")
        #expect(message.parameters == ["token123"])
    }

    /// A space followed by a combining mark is one `Character`; the parser must still split there.
    @Test func delimiterFollowedByCombiningMark() throws {
        let message = try IRCMessage(parsing: "PRIVMSG #c \u{301}x :\u{301}y z")
        #expect(message.parameters == ["#c", "\u{301}x", "\u{301}y z"])
    }

    @Test func commandIsUppercasedInASCIIOnly() throws {
        #expect(try IRCMessage(parsing: "privMsg #c :x").command == "PRIVMSG")
        #expect(try IRCMessage(parsing: "straße").command == "STRAßE")
    }

    @Test func moreThanFifteenParametersAreKept() throws {
        let line = "CMD " + (1...17).map(String.init).joined(separator: " ")
        #expect(try IRCMessage(parsing: line).parameters.count == 17)
    }

    @Test(arguments: ["PRIVMSG #c :a\rb", "PRIVMSG #c :a\nPRIVMSG #d :b", "PRIVMSG #c :a\0b", "@a=b\nc CMD"])
    func rejectsEmbeddedLineBreaksAndNUL(_ line: String) {
        #expect(throws: IRCMessageError.forbiddenCharacter) { try IRCMessage(parsing: line) }
    }

    @Test func rejectsMalformedLines() {
        #expect(throws: IRCMessageError.emptyLine) { try IRCMessage(parsing: "") }
        #expect(throws: IRCMessageError.emptyLine) { try IRCMessage(parsing: "   \r\n") }
        #expect(throws: IRCMessageError.missingCommand) { try IRCMessage(parsing: "@a=b") }
        #expect(throws: IRCMessageError.missingCommand) { try IRCMessage(parsing: "@a=b :src   ") }
        #expect(throws: IRCMessageError.emptySource) { try IRCMessage(parsing: ": PRIVMSG #c :x") }
    }

    @Test func acceptsUpTo8191BytesOfTags() throws {
        let accepted = "@k=" + String(repeating: "v", count: 8191 - 2) + " CMD"
        #expect(try IRCMessage(parsing: accepted).tags["k"]?.utf8.count == 8189)
        let rejected = "@k=" + String(repeating: "v", count: 8192 - 2) + " CMD"
        #expect(throws: IRCMessageError.tagsTooLong) { try IRCMessage(parsing: rejected) }
    }

    @Test func emptyTagKeysAreSkipped() throws {
        let message = try IRCMessage(parsing: "@;a=1;;=x;b CMD")
        #expect(message.tags == ["a": "1", "b": ""])
    }

    @Test func accessors() throws {
        let message = try IRCMessage(parsing:
            "@account=alice;msgid=abc123;time=2024-03-01T12:00:00.250Z :Alice!~a@host PRIVMSG #support :hi")
        #expect(message.sourceNick == "Alice")
        #expect(message.account == "alice")
        #expect(message.messageID == "abc123")
        #expect(message.serverTime?.timeIntervalSince1970 == 1_709_294_400.25)
        #expect(!message.isNumeric)
        #expect(try IRCMessage(parsing: ":srv 001 bot :Welcome").isNumeric)
    }

    /// "No account" must never look like an account name.
    @Test(arguments: ["@account=* CMD", "@account CMD", "@account= CMD", "CMD"])
    func missingAccountIsNil(_ line: String) throws {
        #expect(try IRCMessage(parsing: line).account == nil)
    }

    @Test func sourceNickIsNilWithoutSource() throws {
        #expect(try IRCMessage(parsing: "PING x").sourceNick == nil)
        #expect(try IRCMessage(parsing: ":irc.example.com NOTICE * :hi").sourceNick == "irc.example.com")
    }
}
