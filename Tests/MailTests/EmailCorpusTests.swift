import Foundation
import Testing
@testable import Mail

/// Every message of the dev corpus parses to its expected JSON, compared by NOTES.md's rules.
@Suite struct EmailCorpusTests {
    @Test(arguments: Fixtures.corpusNames())
    func parsesToExpectedResult(name: String) throws {
        let parsed = try EmailParser.parse(try Fixtures.raw(name))
        let expected = try Fixtures.expected(name)

        #expect(parsed.fromAddress == expected.from_address, "from_address")
        #expect(Compare.nfc(parsed.fromName) == Compare.nfc(expected.from_name), "from_name")
        #expect(parsed.replyTo == expected.reply_to, "reply_to")
        #expect(Compare.collapsed(parsed.subject) == Compare.collapsed(expected.subject), "subject")
        #expect(parsed.messageID == expected.message_id, "message_id")
        #expect(parsed.inReplyTo == expected.in_reply_to, "in_reply_to")
        #expect(parsed.references == expected.references, "references")

        if try Fixtures.features(name).contains("html-only") {
            #expect(Compare.collapsed(parsed.text) == Compare.collapsed(expected.text), "text (HTML-derived)")
        } else {
            #expect(Compare.lines(parsed.text) == Compare.lines(expected.text), "text")
        }
        #expect(Compare.collapsed(parsed.newText) == Compare.collapsed(expected.new_text), "new_text")

        let attachments = parsed.attachments.map {
            ExpectedEmail.Attachment(filename: $0.filename, content_type: $0.contentType, size: $0.size)
        }
        #expect(attachments.map { Compare.nfc($0.filename) } == expected.attachments.map { Compare.nfc($0.filename) })
        #expect(attachments.map(\.content_type) == expected.attachments.map(\.content_type))
        #expect(attachments.map(\.size) == expected.attachments.map(\.size))

        #expect(parsed.isAutoReply == expected.is_auto_reply, "is_auto_reply")
        #expect(parsed.autoReplyReason.map(family) == expected.auto_reply_reason.map(family), "auto_reply_reason family")
        #expect(parsed.lang == expected.lang, "lang")
    }

    /// The JSON the CLI prints round-trips to the same values and has exactly the contract's keys.
    @Test(arguments: Fixtures.corpusNames())
    func contractJSONHasTheContractFields(name: String) throws {
        let parsed = try EmailParser.parse(try Fixtures.raw(name))
        let json = parsed.contractJSON()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == [
            "from_address", "from_name", "reply_to", "subject", "message_id", "in_reply_to", "references",
            "is_auto_reply", "auto_reply_reason", "text", "new_text", "attachments", "lang",
        ])
        #expect(object["text"] as? String == parsed.text)
        #expect(object["new_text"] as? String == parsed.newText)
        #expect(object["message_id"] as? String == parsed.messageID)
        #expect((object["references"] as? [String]) == parsed.references)
        #expect((object["attachments"] as? [[String: Any]])?.count == parsed.attachments.count)
    }

    private func family(_ reason: String) -> String {
        String(reason.prefix { $0 != ":" })
    }
}
