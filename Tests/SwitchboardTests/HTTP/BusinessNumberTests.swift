import Desk
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
@testable import Switchboard
import Testing
import WhatsApp
import TestSupport

/// Only the configured WhatsApp numbers feed this desk. Another number on the same Twilio account or Meta
/// business reaches the same URL with a valid signature; its messages and statuses are answered 200 (so
/// the provider does not retry), stored nowhere, and counted.
@Suite("Webhooks: messages for numbers that are not ours")
struct BusinessNumberTests {
    static let path = "/webhooks/twilio"
    static let foreign = "whatsapp:+15550009999"

    /// Twilio and Meta each with two numbers; the second Twilio one written unnormalised, as people do.
    static func harness() throws -> WebhookHarness {
        var harness = try WebhookHarness()
        harness.settings.twilio?.numbers = [WebhookHarness.twilioNumber, "whatsapp:+971 4 555 0100"]
        harness.settings.meta?.phoneNumberIDs = [WebhookHarness.metaPhoneNumberID, "5678"]
        return harness
    }

    static func inbound(_ sid: String, to: String, body: String) -> [(String, String)] {
        WebhookHarness.twilioInbound(sid: sid, body: body).map { $0.0 == "To" ? ($0.0, to) : $0 }
    }

    @Test("Twilio: a message to another number on the account is 200, stored nowhere and counted; each of ours is stored with its number", .needsServers)
    func twilioForeignNumber() async throws {
        let harness = try Self.harness()
        let foreign = Self.inbound("SMf0000000000000000000000000000001", to: Self.foreign, body: "wrong desk")
        let first = Self.inbound("SMf0000000000000000000000000000002", to: WebhookHarness.twilioNumber, body: "hello first number")
        let second = Self.inbound("SMf0000000000000000000000000000003", to: "whatsapp:+97145550100", body: "hello second number")
        let noTo = WebhookHarness.twilioInbound(sid: "SMf0000000000000000000000000000004", body: "no To at all").filter { $0.0 != "To" }
        let url = WebhookHarness.publicURL + Self.path
        let requests = [foreign, first, second, noTo]
        let signatures = try TwilioPythonSigner.sign(requests.map { .init(url: url, token: WebhookHarness.twilioToken, params: $0) })
        try await harness.withServer { client in
            for (params, signature) in zip(requests, signatures) {
                let response = try await WebhookHarness.postTwilio(client, Self.path, params: params, signature: signature)
                #expect(response.status == .ok)
                #expect(response.text == TwilioWebhookController.emptyTwiML)
            }
        }
        let rows = try harness.stored()
        #expect(Set(rows.compactMap(\.providerID)) == ["SMf0000000000000000000000000000002", "SMf0000000000000000000000000000003"])
        #expect(harness.metric(#"switchboard_webhook_foreign_number_total{provider="twilio"}"#) == 2)
        #expect(harness.listener.recorded.map(\.providerID) == ["SMf0000000000000000000000000000002", "SMf0000000000000000000000000000003"])
        let messages = try await harness.database.messages(ticketID: try #require(rows.first).ticket)
        #expect(messages.map(\.businessNumber) == [WebhookHarness.twilioNumber, "whatsapp:+97145550100"],
                "each message remembers the number it was written to, normalised")
    }

    @Test("Twilio: a status callback from another number of the account changes nothing", .needsServers)
    func twilioForeignStatus() async throws {
        let harness = try Self.harness()
        try await harness.seedOutbound(providerID: "SMout0000000000000000000000000009")
        let path = "/webhooks/twilio/status"
        let foreign = TwilioWebhookTests.callback("SMout0000000000000000000000000009", "read").map { $0.0 == "From" ? ($0.0, Self.foreign) : $0 }
        let ours = TwilioWebhookTests.callback("SMout0000000000000000000000000009", "delivered")
        let signatures = try TwilioPythonSigner.sign([foreign, ours].map {
            .init(url: WebhookHarness.publicURL + path, token: WebhookHarness.twilioToken, params: $0)
        })
        try await harness.withServer { client in
            expectStatus(try await WebhookHarness.postTwilio(client, path, params: foreign, signature: signatures[0]), .ok)
            #expect(try harness.stored().first { $0.direction == .outbound }?.status == .sent, "the foreign `read` was ignored")
            expectStatus(try await WebhookHarness.postTwilio(client, path, params: ours, signature: signatures[1]), .ok)
        }
        #expect(try harness.stored().first { $0.direction == .outbound }?.status == .delivered)
        #expect(harness.metric(#"switchboard_webhook_foreign_number_total{provider="twilio"}"#) == 1)
    }

    static func metaValue(phoneNumberID: String?, messageID: String, statusID: String? = nil) -> String {
        let metadata = phoneNumberID.map { #","metadata":{"display_phone_number":"15550001111","phone_number_id":"\#($0)"}"# } ?? ""
        let statuses = statusID.map { #","statuses":[{"id":"\#($0)","status":"read","timestamp":"1764000100","recipient_id":"971509999999"}]"# } ?? ""
        return #"""
        {"id":"WABA1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp"\#(metadata),
          "contacts":[{"profile":{"name":"Siti"},"wa_id":"60123456789"}],
          "messages":[{"from":"60123456789","id":"\#(messageID)","timestamp":"1764000090","type":"text","text":{"body":"hello \#(messageID)"}}]\#(statuses)}}]}
        """#
    }

    @Test("Meta: every entry is checked on its own phone_number_id; other numbers' messages and statuses are ignored and counted")
    func metaForeignNumber() async throws {
        let harness = try Self.harness()
        try await harness.seedOutbound(providerID: "wamid.OUTX", inboundSID: "wamid.seedX")
        let entries = [
            Self.metaValue(phoneNumberID: "1234", messageID: "wamid.OURS1"),
            Self.metaValue(phoneNumberID: "9999", messageID: "wamid.FOREIGN1", statusID: "wamid.OUTX"),
            Self.metaValue(phoneNumberID: nil, messageID: "wamid.NOMETA"),
            Self.metaValue(phoneNumberID: " 5678", messageID: "wamid.OURS2"),
        ]
        let json = #"{"object":"whatsapp_business_account","entry":["# + entries.joined(separator: ",") + "]}"
        try await harness.withServer { client in
            let response = try await WebhookHarness.postMeta(client, json: json)
            #expect(response.status == .ok)
            #expect(response.body.readableBytes == 0)
        }
        let rows = try harness.stored()
        #expect(Set(rows.filter { $0.direction == .inbound }.compactMap(\.providerID)) == ["wamid.seedX", "wamid.OURS1", "wamid.OURS2"])
        #expect(rows.first { $0.providerID == "wamid.OUTX" }?.status == .sent, "the foreign number's status was ignored")
        #expect(harness.metric(#"switchboard_webhook_foreign_number_total{provider="meta"}"#) == 3)
        let ours = try #require(rows.first { $0.providerID == "wamid.OURS2" })
        #expect(try await harness.database.messages(ticketID: ours.ticket).last?.businessNumber == "5678")
    }
}
