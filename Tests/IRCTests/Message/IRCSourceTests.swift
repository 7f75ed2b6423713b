import IRC
import Testing

@Suite struct IRCSourceTests {
    @Test func splitsAtFirstAtAndBang() {
        let source = IRCSource("nick!~user@host!with@odd.chars")
        #expect(source.nick == "nick")
        #expect(source.user == "~user")
        #expect(source.host == "host!with@odd.chars")
    }

    @Test func serverNameIsTheNick() {
        let source = IRCSource("irc.example.com")
        #expect(source.nick == "irc.example.com")
        #expect(source.user == nil && source.host == nil)
    }

    @Test func descriptionRebuildsTheSource() {
        #expect(IRCSource(nick: "bot", user: "~b", host: "h.example").description == "bot!~b@h.example")
        #expect(IRCSource(nick: "bot", host: "h").description == "bot@h")
    }

    @Test func maskUsesCaseMapping() {
        #expect(IRCMask("Agent[1]!*@*").matches("agent{1}!a@b"))
        #expect(!IRCMask("Agent[1]!*@*", caseMapping: .ascii).matches("agent{1}!a@b"))
        #expect(IRCMask("*!*@*.example.com").matches("x!y@a.b.example.com"))
        #expect(!IRCMask("*!*@*.example.com").matches("x!y@example.com"))
    }
}
