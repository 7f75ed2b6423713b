import Desk
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
import WhatsApp
@testable import Switchboard

/// `GET` and `POST /webhooks/meta` on a real socket.
@Suite("Meta webhooks")
struct MetaWebhookTests {
    /// Two entries; the first carries two messages from one customer in reverse order and a contact
    /// card, the second a third message from another customer and two statuses.
    static let batch = #"""
    {"object":"whatsapp_business_account","entry":[
     {"id":"WABA1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
       "metadata":{"display_phone_number":"15550001111","phone_number_id":"1234"},
       "contacts":[{"profile":{"name":"Nguyễn Văn An"},"wa_id":"84912345678"}],
       "messages":[
        {"from":"84912345678","id":"wamid.SECOND","timestamp":"1764000120","type":"text","text":{"body":"Tôi vẫn chưa nhận được tiền hoàn 😞"}},
        {"from":"84912345678","id":"wamid.FIRST","timestamp":"1764000060","type":"text","text":{"body":"Chào bạn, tôi bị trừ tiền hai lần"}}]}}]},
     {"id":"WABA1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
       "metadata":{"display_phone_number":"15550001111","phone_number_id":"1234"},
       "contacts":[{"profile":{"name":"Siti"},"wa_id":"60123456789"}],
       "messages":[{"from":"60123456789","id":"wamid.THIRD","timestamp":"1764000090","type":"audio","audio":{"id":"MEDIA1","mime_type":"audio/ogg; codecs=opus","voice":true}}],
       "statuses":[
        {"id":"wamid.OUT2","status":"read","timestamp":"1764000100","recipient_id":"971509999998"},
        {"id":"wamid.OUT1","status":"delivered","timestamp":"1764000095","recipient_id":"971509999999"}]}}]}]}
    """#

    @Test("a batch of two entries, three messages and two statuses is processed in full")
    func batchIsFullyProcessed() async throws {
        let harness = try WebhookHarness()
        try await harness.seedOutbound(providerID: "wamid.OUT1", inboundSID: "wamid.seed1")
        try await harness.seedOutbound(providerID: "wamid.OUT2", inboundSID: "wamid.seed2")
        let before = try harness.stored().count
        try await harness.withServer { client in
            let response = try await WebhookHarness.postMeta(client, json: Self.batch)
            #expect(response.status == .ok)
            #expect(response.body.readableBytes == 0)
        }
        let rows = try harness.stored()
        #expect(rows.count == before + 3)
        let byID = Dictionary(uniqueKeysWithValues: rows.compactMap { row in row.providerID.map { ($0, row) } })
        #expect(byID["wamid.FIRST"]?.text == "Chào bạn, tôi bị trừ tiền hai lần")
        #expect(byID["wamid.THIRD"]?.text == "[voice note]")
        #expect(byID["wamid.OUT1"]?.status == .delivered)
        #expect(byID["wamid.OUT2"]?.status == .read)
        // Stored oldest first by Meta's timestamp, whatever the payload order: FIRST, THIRD, SECOND.
        let first = try #require(byID["wamid.FIRST"]), third = try #require(byID["wamid.THIRD"]), second = try #require(byID["wamid.SECOND"])
        #expect(first.messageID < third.messageID && third.messageID < second.messageID)
        #expect(first.ticket == second.ticket && first.customer != third.customer)
        #expect(harness.listener.recorded.map(\.providerID) == ["wamid.FIRST", "wamid.THIRD", "wamid.SECOND"])
        #expect(harness.metric("switchboard_delivery_statuses_total") == 2)
    }

    @Test("a redelivered batch stores nothing new")
    func redeliveryIsIdempotent() async throws {
        let harness = try WebhookHarness()
        try await harness.withServer { client in
            for _ in 0..<3 {
                expectStatus(try await WebhookHarness.postMeta(client, json: Self.batch), .ok)
            }
        }
        #expect(try harness.stored().count == 3)
        #expect(harness.metric(#"switchboard_webhooks_duplicate_total{endpoint="meta"}"#) == 6)
    }

    @Test("a bad signature, or one over re-serialised JSON, is a 403 and nothing is stored")
    func badSignaturesAreRefused() async throws {
        let harness = try WebhookHarness()
        let reserialised = try String(decoding: JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(Self.batch.utf8))), as: UTF8.self)
        try await harness.withServer { client in
            let wrongSecret = MetaSignature.expected(body: Array(Self.batch.utf8), appSecret: "not-the-secret")
            expectStatus(try await WebhookHarness.postMeta(client, json: Self.batch, signature: wrongSecret), .forbidden)
            let overOther = MetaSignature.expected(body: Array(reserialised.utf8), appSecret: WebhookHarness.metaAppSecret)
            expectStatus(try await WebhookHarness.postMeta(client, json: Self.batch, signature: overOther), .forbidden)
            expectStatus(try await WebhookHarness.postMeta(client, json: Self.batch, signature: ""), .forbidden)
            let response = try await client.execute(uri: "/webhooks/meta", method: .post, body: ByteBuffer(string: Self.batch))
            #expect(response.status == .forbidden)
        }
        #expect(try harness.stored().isEmpty)
        #expect(harness.metric(#"switchboard_webhooks_rejected_total{endpoint="meta",reason="signature"}"#) == 4)
        #expect(!harness.logs.all.joined().contains(WebhookHarness.metaAppSecret))
    }

    @Test("signed JSON that is broken or not a notification is a 400 and nothing is stored")
    func malformedJSONIsRefused() async throws {
        let harness = try WebhookHarness()
        try await harness.withServer { client in
            for json in [String(Self.batch.dropLast(3)), #"{"object":"page","entry":[]}"#, "[]", ""] {
                expectStatus(try await WebhookHarness.postMeta(client, json: json), .badRequest, "\(json.prefix(30))")
            }
        }
        #expect(try harness.stored().isEmpty)
    }

    @Test("a body over the limit is a 413")
    func oversizeIsRefused() async throws {
        let harness = try WebhookHarness(bodyLimit: 4096)
        let padded = Self.batch.replacingOccurrences(of: #""type":"text""#, with: #""pad":"\#(String(repeating: "x", count: 5000))","type":"text""#)
        try await harness.withServer { client in
            expectStatus(try await WebhookHarness.postMeta(client, json: padded), .contentTooLarge)
        }
        #expect(try harness.stored().isEmpty)
    }

    @Test("the verification handshake echoes the challenge only for the right token")
    func verificationHandshake() async throws {
        let harness = try WebhookHarness()
        try await harness.withServer { client in
            let good = try await client.execute(
                uri: "/webhooks/meta?hub.mode=subscribe&hub.verify_token=\(WebhookHarness.metaVerifyToken)&hub.challenge=1158201444",
                method: .get)
            #expect(good.status == .ok)
            #expect(good.text == "1158201444")
            #expect(good.headers[.contentType]?.hasPrefix("text/plain") == true)
            for query in [
                "hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1158201444",
                "hub.mode=unsubscribe&hub.verify_token=\(WebhookHarness.metaVerifyToken)&hub.challenge=1158201444",
                "hub.mode=subscribe&hub.challenge=1158201444",
                "",
            ] {
                let response = try await client.execute(uri: "/webhooks/meta?" + query, method: .get)
                #expect(response.status == .forbidden, "\(query)")
                #expect(!response.text.contains("1158201444"))
            }
        }
        #expect(!harness.logs.all.joined().contains(WebhookHarness.metaVerifyToken), "the token from the query string is never logged")
    }
}
