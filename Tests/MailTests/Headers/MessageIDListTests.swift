import Testing
@testable import Mail

@Suite struct MessageIDListTests {
    @Test func idsWithoutBrackets() {
        #expect(MessageIDList.bracketed(Array("<a@x> (comment <c@x>)\r\n <b@y> bare@z".utf8)[...]) == ["a@x", "b@y"])
        #expect(MessageIDList.messageID(Array("no-brackets@host".utf8)[...]) == "no-brackets@host")
        #expect(MessageIDList.messageID(Array("\r\n <id@host>".utf8)[...]) == "id@host")
        #expect(MessageIDList.messageID(Array("".utf8)[...]) == nil)
    }
}
