import IRC
import Testing

@Suite struct IRCNicknameTests {
    @Test func equalityAndHashingFollowTheCaseMapping() throws {
        let a = try #require(IRCNickname("Agent[1]"))
        let b = try #require(IRCNickname("agent{1}"))
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        #expect(a.rawValue == "Agent[1]")
        #expect(a.description == "Agent[1]")
        #expect(IRCNickname("Agent[1]", caseMapping: .ascii) != IRCNickname("agent{1}", caseMapping: .ascii))
        #expect(IRCNickname("a~", caseMapping: .rfc1459Strict) != IRCNickname("a^", caseMapping: .rfc1459Strict))
        #expect(IRCNickname("a~", caseMapping: .rfc1459) == IRCNickname("a^", caseMapping: .rfc1459))
    }

    @Test(arguments: ["alice", "Alice_", "[away]", "0ABAAAAAB", "a-b", "a|b", "a`b", "a^b", "नमस्ते", "Ağa"])
    func acceptsValidNicks(_ raw: String) {
        #expect(IRCNickname(raw) != nil)
    }

    @Test(arguments: ["", "a b", "a,b", "a!b", "a@b", "a*", "a?", "a.b", "#chan", "&chan", ":x", "$x",
                      "a\u{07}", "a\r", "a\n", "a\0", "a\u{7F}"])
    func rejectsInvalidNicks(_ raw: String) {
        #expect(IRCNickname(raw) == nil)
    }

    @Test func maxLengthCountsUTF8Bytes() {
        #expect(IRCNickname("abcdef", maxLength: 6) != nil)
        #expect(IRCNickname("abcdef", maxLength: 5) == nil)
        #expect(IRCNickname("éé", maxLength: 3) == nil)
        #expect(IRCNickname("éé", maxLength: 4) != nil)
    }
}
