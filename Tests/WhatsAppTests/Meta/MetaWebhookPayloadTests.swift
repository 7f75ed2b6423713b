import Foundation
import Testing
@testable import WhatsApp

@Suite struct MetaWebhookPayloadTests {
    private func batch() throws -> MetaWebhookPayload {
        try MetaWebhookPayload(json: Fixture.bytes("meta_batch.json"))
    }

    private func allTypes() throws -> MetaWebhookPayload {
        try MetaWebhookPayload(json: Fixture.bytes("meta_all_types.json"))
    }

    @Test func twoEntriesThreeMessagesTwoStatusesAreFlattened() throws {
        let payload = try batch()
        #expect(payload.object == "whatsapp_business_account")
        #expect(payload.messages.count == 3)
        #expect(payload.statuses.count == 2)
        #expect(payload.ignoredFields == ["message_template_status_update"])
        #expect(payload.problems.isEmpty)
        #expect(Set(payload.messages.map(\.businessAccountID)) == ["102290129340398", "102290129340399"])
    }

    @Test func outOfOrderTimestampsComeOutSorted() throws {
        let payload = try batch()
        #expect(payload.messages.map(\.id) == ["wamid.EARLY", "wamid.MIDDLE", "wamid.LATE"])
        #expect(payload.statuses.map(\.messageID) == ["wamid.SENT1", "wamid.SENT2"])
        #expect(payload.messages.first?.timestamp == Date(timeIntervalSince1970: 1_749_416_300))
    }

    @Test func contextAndContactsAreJoined() throws {
        let payload = try batch()
        let late = try #require(payload.messages.first { $0.id == "wamid.LATE" })
        #expect(late.profileName == "عائشة 🌸")
        #expect(late.sender.value == "+971501234567")
        #expect(late.from == "971501234567")
        #expect(late.replyToMessageID == "wamid.OURS")
        #expect(late.businessPhoneNumberID == "106540352242922")
        #expect(late.triageText == "الفاتورة غلط 😡 please fix")
        let early = try #require(payload.messages.first { $0.id == "wamid.EARLY" })
        #expect(early.profileName == "Budi")
        #expect(early.triageText == "[voice note]")
        let middle = try #require(payload.messages.first { $0.id == "wamid.MIDDLE" })
        #expect(middle.profileName == "Sheena Nelson")
        #expect(middle.businessPhoneNumberID == "106540352242923")
    }

    @Test func statusesCarryErrorsAndMapToTheContract() throws {
        let payload = try batch()
        let failed = try #require(payload.statuses.first)
        #expect(failed.status == .failed)
        #expect(failed.deliveryStatus == .failed)
        #expect(failed.recipient?.value == "+16505551234")
        #expect(failed.errors.count == 1)
        #expect(failed.errors.first?.code == 131047)
        #expect(failed.errors.first?.details?.hasPrefix("Message failed to send") == true)
        #expect(failed.errors.first?.explanation?.needsTemplate == true)
        let read = try #require(payload.statuses.last)
        #expect(read.deliveryStatus == .read)
        #expect(read.conversationID == "conv1")
        #expect(read.pricingCategory == "service")
        #expect(read.errors.isEmpty)
    }

    @Test func everyMessageTypeDecodes() throws {
        let payload = try allTypes()
        let byID = Dictionary(uniqueKeysWithValues: payload.messages.map { ($0.id, $0) })
        func content(_ id: String) -> MetaMessageContent? { byID[id]?.content }

        #expect(content("m01") == .text("hello"))
        #expect(byID["m01"]?.isForwarded == true)
        #expect(content("m02") == .image(MetaMedia(id: "img1", mimeType: "image/jpeg", sha256: "x")))
        #expect(content("m03") == .audio(MetaMedia(id: "aud1", mimeType: "audio/ogg; codecs=opus", sha256: "x"), isVoice: true))
        #expect(content("m04") == .audio(MetaMedia(id: "aud2", mimeType: "audio/mpeg", sha256: "x"), isVoice: false))
        #expect(content("m05") == .video(MetaMedia(id: "vid1", mimeType: "video/mp4", sha256: "x", caption: "it crashes here")))
        #expect(content("m06") == .document(
            MetaMedia(id: "doc1", mimeType: "application/pdf", sha256: "x", caption: "my bill"),
            filename: "invoice-0423.pdf"
        ))
        #expect(content("m07") == .sticker(MetaMedia(id: "stk1", mimeType: "image/webp", sha256: "x"), isAnimated: true))
        #expect(content("m08") == .location(WhatsAppLocation(
            latitude: 25.1972, longitude: 55.2744, name: "Burj Khalifa", address: "1 Sheikh Mohammed bin Rashid Blvd, Dubai"
        )))
        #expect(content("m09") == .contacts([MetaSharedContact(
            formattedName: "Omar Farouk", phones: ["+971 50 765 4321"], waIDs: ["971507654321"]
        )]))
        #expect(content("m10") == .buttonReply(id: "cancel-plan", title: "Cancel my plan"))
        #expect(byID["m10"]?.replyToMessageID == "wamid.ASKED")
        #expect(content("m11") == .listReply(id: "billing", title: "Billing question", description: "Invoices and refunds"))
        #expect(content("m12") == .button(text: "Talk to a human", payload: "AGENT"))
        #expect(content("m13") == .reaction(emoji: "👍", messageID: "wamid.OURS"))
        #expect(content("m14") == .unsupported(type: "unsupported"))
        #expect(byID["m14"]?.errors.first?.code == 131051)
        #expect(content("m15") == .unsupported(type: "poll_vote_2031"))
        #expect(byID["m15"]?.type == "poll_vote_2031")
        #expect(content("m18") == .unsupported(type: "image"))
        #expect(content("m19") == .interactive(type: "nfm_reply", body: "Sent"))
        #expect(content("m22") == .reaction(emoji: nil, messageID: "wamid.OURS"))
    }

    @Test func triageTextForEveryType() throws {
        let payload = try allTypes()
        let text = Dictionary(uniqueKeysWithValues: payload.messages.map { ($0.id, $0.triageText) })
        #expect(text == [
            "m01": "hello",
            "m02": "[image]",
            "m03": "[voice note]",
            "m04": "[audio]",
            "m05": "[video] it crashes here",
            "m06": "[document: invoice-0423.pdf] my bill",
            "m07": "[sticker]",
            "m08": "[location: Burj Khalifa, 1 Sheikh Mohammed bin Rashid Blvd, Dubai]",
            "m09": "[contact: Omar Farouk]",
            "m10": "Cancel my plan",
            "m11": "Billing question",
            "m12": "Talk to a human",
            "m13": "[reaction: 👍]",
            "m14": "[unsupported message]",
            "m15": "[unsupported message]",
            "m16": "I have a username now",
            "m17": "saw your ad",
            "m18": "[unsupported message]",
            "m19": "[form reply] Sent",
            "m22": "[reaction removed]",
        ])
    }

    @Test func brokenItemsAreSkippedAndReportedNotThrown() throws {
        let payload = try allTypes()
        #expect(payload.messages.count == 20)
        #expect(payload.problems.count == 2)
        #expect(payload.problems.contains { $0.contains("messages[19]") && $0.contains("no id") })
        #expect(payload.problems.contains { $0.contains("messages[20]") && $0.contains("not an object") })
        #expect(payload.messages.last?.id == "m22")
        #expect(payload.messages.last?.timestamp == Date(timeIntervalSince1970: 1_700_000_022))
    }

    @Test func businessScopedUserAndReferral() throws {
        let payload = try allTypes()
        let hidden = try #require(payload.messages.first { $0.id == "m16" })
        #expect(hidden.from == nil)
        #expect(hidden.userID == "US.13491208655302741918")
        #expect(!hidden.sender.isPhone)
        #expect(hidden.sender.value == "US.13491208655302741918")
        #expect(hidden.profileName == "Hidden")
        #expect(hidden.username == "@hidden")

        let ad = try #require(payload.messages.first { $0.id == "m17" })
        #expect(ad.referral == WhatsAppReferral(
            sourceURL: "https://fb.me/ad", sourceID: "120210000000000001", sourceType: "ad", headline: "20% off",
            body: "Free delivery", mediaType: "image", mediaURL: "https://example.com/ad.jpg", ctwaClid: "ARAbc123"
        ))
        #expect(ad.profileName == "Sheena")
    }

    @Test func tiesKeepPayloadOrderAndMissingTimestampsGoLast() throws {
        let json = """
        {"object":"whatsapp_business_account","entry":[
          {"id":"1","changes":[{"field":"messages","value":{"messages":[
            {"from":"16505551234","id":"c","type":"text","text":{"body":"no time"}},
            {"from":"16505551234","id":"a","timestamp":"1700000005","type":"text","text":{"body":"1"}},
            {"from":"16505551234","id":"b","timestamp":"1700000005","type":"text","text":{"body":"2"}}]}}]},
          {"id":"2","changes":[{"field":"messages","value":{"messages":[
            {"from":"16505551234","id":"d","timestamp":"1700000005","type":"text","text":{"body":"3"}},
            {"from":"16505551234","id":"e","timestamp":"1700000001","type":"text","text":{"body":"4"}}]}}]}]}
        """
        let payload = try MetaWebhookPayload(json: Array(json.utf8))
        #expect(payload.messages.map(\.id) == ["e", "a", "b", "d", "c"])
    }

    @Test(arguments: [
        "",
        "not json",
        "{\"object\":\"whatsapp_business_account\",\"entry\":[",
        "[]",
        "\"whatsapp_business_account\"",
        "{\"entry\":[]}",
        "{\"object\":\"page\",\"entry\":[]}",
        "{\"object\":\"whatsapp_business_account\"}",
        "{\"object\":\"whatsapp_business_account\",\"entry\":{}}",
        "{\"object\":\"whatsapp_business_account\",\"entry\":[1]}",
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":{}}]}",
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":[]}]}]}",
    ])
    func malformedOrWrongShapeThrows(_ json: String) {
        #expect(throws: WhatsAppDecodingError.self) { try MetaWebhookPayload(json: Array(json.utf8)) }
    }

    @Test func invalidUTF8IsMalformed() {
        let bytes: [UInt8] = Array("{\"object\":\"whatsapp_business_account\",\"entry\":[],\"x\":\"".utf8) + [0xFF, 0x22, 0x7D]
        #expect(throws: WhatsAppDecodingError.self) { try MetaWebhookPayload(json: bytes) }
    }

    @Test func emptyEntryListIsFine() throws {
        let payload = try MetaWebhookPayload(json: Array("{\"object\":\"whatsapp_business_account\",\"entry\":[]}".utf8))
        #expect(payload.messages.isEmpty)
        #expect(payload.statuses.isEmpty)
    }

    @Test func statusExtrasAndBrokenStatuses() throws {
        let json = """
        {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"statuses":[
          {"id":"w1","status":"played","timestamp":"3","recipient_id":"971501234567"},
          {"id":"w2","status":"someday","timestamp":"2","recipient_user_id":"AE.998877"},
          {"id":"w3","timestamp":"1"},
          {"status":"sent","timestamp":"1"}
        ]}}]}]}
        """
        let payload = try MetaWebhookPayload(json: Array(json.utf8))
        #expect(payload.statuses.map(\.messageID) == ["w2", "w1"])
        #expect(payload.statuses[0].status == .other("someday"))
        #expect(payload.statuses[0].deliveryStatus == .unknown)
        #expect(payload.statuses[0].recipient?.value == "AE.998877")
        #expect(payload.statuses[1].status == .played)
        #expect(payload.statuses[1].deliveryStatus == .read)
        #expect(payload.problems.count == 2)
    }
}
