import IRC
import Testing

@Suite struct IRCChannelNameTests {
    @Test func equalityFollowsTheCaseMapping() {
        #expect(IRCChannelName("#Support[EU]") == IRCChannelName("#support{eu}"))
        #expect(IRCChannelName("#Support[EU]", caseMapping: .ascii) != IRCChannelName("#support{eu}", caseMapping: .ascii))
        #expect(Set([IRCChannelName("#A")!, IRCChannelName("#a")!]).count == 1)
    }

    @Test func requiresAChannelTypePrefix() {
        #expect(IRCChannelName("support") == nil)
        #expect(IRCChannelName("&local") == nil)
        #expect(IRCChannelName("&local", channelTypes: ["#", "&"]) != nil)
        #expect(IRCChannelName("#x", channelTypes: []) == nil)
    }

    /// `#` followed by a combining mark is one `Character` but still a `#` channel.
    @Test func prefixIsCheckedAsAScalar() {
        #expect(IRCChannelName("#\u{301}x") != nil)
    }

    @Test(arguments: ["", "#a b", "#a,b", "#a\u{07}", "#a\0", "#a\r", "#a\n", "#a\r\n"])
    func rejectsForbiddenCharacters(_ raw: String) {
        #expect(IRCChannelName(raw) == nil)
    }

    @Test(arguments: ["#support", "#دعم", "#ฝ่ายขาย", "#सहायता", "#🎫", "#a:b", "#"])
    func acceptsUnicodeNames(_ raw: String) {
        #expect(IRCChannelName(raw) != nil)
    }

    @Test func maxLengthCountsUTF8Bytes() {
        #expect(IRCChannelName("#دعم", maxLength: 7) != nil)
        #expect(IRCChannelName("#دعم", maxLength: 6) == nil)
    }
}
