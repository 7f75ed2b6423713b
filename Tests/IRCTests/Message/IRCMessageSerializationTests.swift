import IRC
import Testing

@Suite struct IRCMessageSerializationTests {
    @Test func trailingParameterOnlyWhenNeeded() throws {
        func line(_ parameters: [String]) throws -> String {
            try IRCMessage(command: "PRIVMSG", parameters: parameters).serialized()
        }
        #expect(try line(["#c", "hello"]) == "PRIVMSG #c hello")
        #expect(try line(["#c", "hello world"]) == "PRIVMSG #c :hello world")
        #expect(try line(["#c", ""]) == "PRIVMSG #c :")
        #expect(try line(["#c", ":)"]) == "PRIVMSG #c ::)")
        #expect(try line(["#c", " \u{301}"]) == "PRIVMSG #c : \u{301}")
        #expect(try line([]) == "PRIVMSG")
    }

    @Test func tagsAreSortedAndEscaped() throws {
        let message = IRCMessage(tags: ["b": "x y;z\\", "a": "", "+draft/react": "👍", "c": "\r\n"],
                                 source: "bot!b@h", command: "TAGMSG", parameters: ["#c"])
        #expect(try message.serialized() == "@+draft/react=👍;a;b=x\\sy\\:z\\\\;c=\\r\\n :bot!b@h TAGMSG #c")
    }

    /// `"\r\n"` is a single `Character`, so a `Character`-level `contains("\n")` would miss it.
    @Test(arguments: ["a\rb", "a\nb", "a\0b", "a\r\nb", "\r\n", "x\u{301}\n"])
    func refusesLineBreaksAndNULInParameters(_ bad: String) {
        #expect(throws: IRCMessageError.forbiddenCharacter) {
            try IRCMessage(command: "PRIVMSG", parameters: ["#c", bad]).serialized()
        }
        #expect(throws: IRCMessageError.forbiddenCharacter) {
            try IRCMessage(command: "PRIVMSG", parameters: [bad, "text"]).serialized()
        }
        #expect(throws: IRCMessageError.forbiddenCharacter) {
            try IRCMessage(source: bad, command: "PRIVMSG", parameters: ["#c", "x"]).serialized()
        }
    }

    @Test(arguments: ["", "a b", ":a", " \u{301}"])
    func refusesInvalidMiddleParameters(_ bad: String) {
        #expect(throws: IRCMessageError.invalidMiddleParameter) {
            try IRCMessage(command: "PRIVMSG", parameters: [bad, "text"]).serialized()
        }
    }

    @Test(arguments: ["", "PRIV MSG", "12", "1234", "PRIVMSG\r\n", "PRIV1", "PRÏVMSG", ":PRIVMSG"])
    func refusesInvalidCommands(_ command: String) {
        #expect(throws: IRCMessageError.invalidCommand) { try IRCMessage(command: command).serialized() }
    }

    @Test func acceptsLetterAndNumericCommands() throws {
        #expect(try IRCMessage(command: "privmsg").serialized() == "privmsg")
        #expect(try IRCMessage(command: "001").serialized() == "001")
    }

    @Test(arguments: ["", "a b", "a=b", "a;b", "+", "vendor/", "/key", "x/y/z", "a\r", "ключ"])
    func refusesInvalidTagKeys(_ key: String) {
        #expect(throws: IRCMessageError.invalidTagKey) {
            try IRCMessage(tags: [key: "v"], command: "TAGMSG", parameters: ["#c"]).serialized()
        }
    }

    @Test func refusesNULInTagValues() {
        #expect(throws: IRCMessageError.forbiddenCharacter) {
            try IRCMessage(tags: ["a": "x\0y"], command: "TAGMSG", parameters: ["#c"]).serialized()
        }
    }

    @Test func refusesInvalidSources() {
        #expect(throws: IRCMessageError.invalidSource) { try IRCMessage(source: "", command: "PING").serialized() }
        #expect(throws: IRCMessageError.invalidSource) { try IRCMessage(source: "a b", command: "PING").serialized() }
    }

    @Test func tagSectionLimitIs4094EscapedBytes() throws {
        // "k=" plus 4092 bytes is exactly 4094.
        let fits = IRCMessage(tags: ["k": String(repeating: "v", count: 4092)], command: "TAGMSG")
        #expect(try fits.serialized().hasPrefix("@k=v"))
        // Escaping counts: 2046 spaces become 4092 bytes; one more character overflows.
        let escaped = IRCMessage(tags: ["k": String(repeating: " ", count: 2046)], command: "TAGMSG")
        #expect(try escaped.serialized().utf8.count == 1 + 4094 + 1 + 6)
        let tooLong = IRCMessage(tags: ["k": String(repeating: " ", count: 2047)], command: "TAGMSG")
        #expect(throws: IRCMessageError.tagsTooLong) { try tooLong.serialized() }
    }

    @Test func atMostFifteenParameters() throws {
        let fifteen = IRCMessage(command: "CMD", parameters: (1...15).map(String.init))
        #expect(try IRCMessage(parsing: fifteen.serialized()) == fifteen)
        let sixteen = IRCMessage(command: "CMD", parameters: (1...16).map(String.init))
        #expect(throws: IRCMessageError.tooManyParameters) { try sixteen.serialized() }
    }
}
