import IRC
import Testing

@Suite struct CTCPTests {
    @Test func parsesCommandAndArgument() throws {
        let version = try #require(CTCP.parse("\u{01}VERSION\u{01}"))
        #expect(version.command == "VERSION" && version.argument == nil)
        let action = try #require(CTCP.parse("\u{01}ACTION waves at  everyone\u{01}"))
        #expect(action.command == "ACTION" && action.argument == "waves at  everyone")
        let empty = try #require(CTCP.parse("\u{01}PING \u{01}"))
        #expect(empty.command == "PING" && empty.argument == "")
    }

    @Test func toleratesMissingCloserAndLowercase() throws {
        let ping = try #require(CTCP.parse("\u{01}ping 12345"))
        #expect(ping.command == "PING" && ping.argument == "12345")
    }

    @Test(arguments: ["hello", "", "\u{01}", "\u{01}\u{01}", "\u{01} x\u{01}", "x\u{01}VERSION\u{01}"])
    func ordinaryTextIsNotCTCP(_ text: String) {
        #expect(CTCP.parse(text) == nil)
    }

    @Test func encodeFramesAndCleans() throws {
        #expect(CTCP.encode(command: "VERSION", argument: nil) == "\u{01}VERSION\u{01}")
        #expect(CTCP.action("waves") == "\u{01}ACTION waves\u{01}")
        let hostile = CTCP.encode(command: "ACT ION\r", argument: "a\u{01}b\r\nQUIT\0")
        #expect(hostile == "\u{01}ACTION abQUIT\u{01}")
        let parsed = try #require(CTCP.parse(hostile))
        #expect(parsed.command == "ACTION" && parsed.argument == "abQUIT")
    }

    @Test func roundTripsUnicodeArguments() throws {
        let parsed = try #require(CTCP.parse(CTCP.action("يلوّح 👋🏽")))
        #expect(parsed.command == "ACTION" && parsed.argument == "يلوّح 👋🏽")
    }
}
