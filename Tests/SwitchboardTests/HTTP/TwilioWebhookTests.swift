import Desk
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
import Testing
import TestSupport
import WhatsApp
@testable import Switchboard

/// `POST /webhooks/twilio` on a real socket, with requests signed by Twilio's own Python library.
@Suite("Twilio webhooks")
struct TwilioWebhookTests {
    /// What Twilio calls: the public URL with a query string, as configured in its console.
    static let path = "/webhooks/twilio?src=wa&region=gulf"
    static let arabic = "مرحبا، تم خصم المبلغ مرتين من بطاقتي 💳😡"

    @Test("requests signed by Twilio's Python library are accepted and stored once, after commit", .needsServers)
    func pythonSignedRequestsAreAccepted() async throws {
        let harness = try WebhookHarness()
        let text = Self.arabic
        let media = WebhookHarness.twilioInbound(
            sid: "MM22222222222222222222222222222222", from: "+966551234567", profileName: "فاطمة 🌸", body: "الفاتورة 🧾",
            extra: [("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM2/Media/ME1"), ("MediaContentType0", "image/jpeg")])
            .map { $0.0 == "NumMedia" ? ($0.0, "1") : $0 }
        let plain = WebhookHarness.twilioInbound(sid: "SM11111111111111111111111111111111", profileName: "عائشة", body: text)
        let url = WebhookHarness.publicURL + Self.path
        let signatures = try TwilioPythonSigner.sign([
            .init(url: url, token: WebhookHarness.twilioToken, params: plain),
            .init(url: url, token: WebhookHarness.twilioToken, params: media),
        ])
        try await harness.withServer { client in
            for (params, signature) in zip([plain, media], signatures) {
                let response = try await WebhookHarness.postTwilio(client, Self.path, params: params, signature: signature)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/xml")
                #expect(response.text == #"<?xml version="1.0" encoding="UTF-8"?><Response/>"#)
            }
        }
        let rows = try harness.stored()
        #expect(rows.count == 2)
        let first = try #require(rows.first { $0.providerID == "SM11111111111111111111111111111111" })
        #expect(first.text == text)
        #expect(first.channel == .whatsapp && first.direction == .inbound && first.status == .received)
        let second = try #require(rows.first { $0.providerID == "MM22222222222222222222222222222222" })
        #expect(second.text == "[image] الفاتورة 🧾")
        #expect(first.customer != second.customer, "two senders, two customers")
        #expect(harness.listener.recorded.map(\.contact) == ["+971501234567", "+966551234567"])
        #expect(harness.metric(#"switchboard_webhooks_received_total{endpoint="twilio"}"#) == 2)
    }

    @Test("a tampered parameter, URL or token, or no signature at all, is a 403 and nothing is stored", .needsServers)
    func tamperedRequestsAreRefused() async throws {
        let harness = try WebhookHarness()
        let params = WebhookHarness.twilioInbound(sid: "SM33333333333333333333333333333333", body: Self.arabic)
        let url = WebhookHarness.publicURL + Self.path
        let signatures = try TwilioPythonSigner.sign([
            .init(url: url, token: WebhookHarness.twilioToken, params: params),
            .init(url: url, token: "some-other-account-token-000000000", params: params),
        ])
        let valid = signatures[0]
        let tamperedBody = params.map { $0.0 == "Body" ? ($0.0, Self.arabic + " ") : $0 }
        let extraParam = params + [("Injected", "1")]
        try await harness.withServer { client in
            let refusals: [(String, [(String, String)], String?)] = [
                (Self.path, tamperedBody, valid),                           // a value changed
                (Self.path, extraParam, valid),                             // a parameter added
                ("/webhooks/twilio?src=wa&region=levant", params, valid),   // the query string changed
                ("/webhooks/twilio", params, valid),                        // the query string dropped
                (Self.path, params, signatures[1]),                         // signed with another token
                (Self.path, params, nil),                                   // not signed
                (Self.path, params, (valid.hasPrefix("A") ? "B" : "A") + valid.dropFirst()),  // one character off
            ]
            for (path, body, signature) in refusals {
                let response = try await WebhookHarness.postTwilio(client, path, params: body, signature: signature)
                #expect(response.status == .forbidden, "\(path)")
            }
            // The untouched request still goes through, so the refusals above were about the tampering.
            let accepted = try await WebhookHarness.postTwilio(client, Self.path, params: params, signature: valid)
            #expect(accepted.status == .ok)
        }
        #expect(try harness.stored().map(\.providerID) == ["SM33333333333333333333333333333333"])
        #expect(harness.metric(#"switchboard_webhooks_rejected_total{endpoint="twilio",reason="signature"}"#) == 7)
        let log = harness.logs.all.joined(separator: "\n")
        #expect(!log.contains(WebhookHarness.twilioToken))
        #expect(!log.contains(valid) && !log.contains(signatures[1]))
        #expect(!log.contains(Self.arabic) && !log.contains("region=gulf"), "no bodies or query strings in the log")
    }

    @Test("the Swift signer agrees with Twilio's library on Arabic, emoji, repeated names and ports", .needsServers)
    func swiftSignerMatchesPython() throws {
        let cases: [(String, [(String, String)])] = [
            (WebhookHarness.publicURL + Self.path, WebhookHarness.twilioInbound(sid: "SM1", body: Self.arabic)),
            ("https://support.example.test:8443/webhooks/twilio?a=1&a=2", [("Body", "ok 👍🏽"), ("Body", "again"), ("é", "e\u{301}")]),
            ("https://support.example.test/hooks/twilio", []),
        ]
        let python = try TwilioPythonSigner.sign(cases.map { .init(url: $0.0, token: WebhookHarness.twilioToken, params: $0.1) })
        for ((url, params), expected) in zip(cases, python) {
            #expect(TwilioSignature.expected(url: url, parameters: params, authToken: WebhookHarness.twilioToken) == expected)
        }
    }

    @Test("the same MessageSid five times is one message; the retries are answered 200")
    func duplicatesAreStoredOnce() async throws {
        let harness = try WebhookHarness()
        let params = WebhookHarness.twilioInbound(sid: "SM44444444444444444444444444444444", body: "my invoice is wrong")
        let signature = WebhookHarness.swiftSignature(path: Self.path, params: params)
        try await harness.withServer { client in
            for _ in 0..<5 {
                let response = try await WebhookHarness.postTwilio(client, Self.path, params: params, signature: signature)
                #expect(response.status == .ok)
                #expect(response.text.hasSuffix("<Response/>"))
            }
        }
        #expect(try harness.stored().count == 1)
        #expect(harness.listener.recorded.count == 1, "the desk hears about a message once")
        #expect(harness.metric(#"switchboard_webhooks_duplicate_total{endpoint="twilio"}"#) == 4)
        #expect(harness.metric("switchboard_messages_stored_total") == 1)
    }

    @Test("a signed but malformed form is a 400; an unsigned malformed one a 403; nothing is stored", .needsServers)
    func malformedFormsAreRefused() async throws {
        let harness = try WebhookHarness()
        let noSid = WebhookHarness.twilioInbound(sid: "SM55555555555555555555555555555555", body: "hi").filter { $0.0 != "MessageSid" }
        // Broken escapes: `%ZZ` stays literal and `%FF` is not UTF-8. Python's parse_qsl reads them as
        // "%ZZ" and U+FFFD, which is what a framework would have handed Twilio's validator.
        let brokenBody = "MessageSid=SM66666666666666666666666666666666&From=whatsapp%3A%2B971501234567&Body=%ZZ+caf%FF"
        let brokenParams = [("MessageSid", "SM66666666666666666666666666666666"), ("From", "whatsapp:+971501234567"), ("Body", "%ZZ caf\u{FFFD}")]
        let url = WebhookHarness.publicURL + Self.path
        let signatures = try TwilioPythonSigner.sign([
            .init(url: url, token: WebhookHarness.twilioToken, params: noSid),
            .init(url: url, token: WebhookHarness.twilioToken, params: brokenParams),
        ])
        try await harness.withServer { client in
            let missing = try await WebhookHarness.postTwilio(client, Self.path, params: noSid, signature: signatures[0])
            #expect(missing.status == .badRequest)
            #expect(missing.text.contains("MessageSid"))
            let broken = try await WebhookHarness.postForm(client, Self.path, body: brokenBody, signature: signatures[1])
            #expect(broken.status == .badRequest)
            let unsigned = try await WebhookHarness.postForm(client, Self.path, body: brokenBody, signature: nil)
            #expect(unsigned.status == .forbidden, "parsing is only reached with a valid signature")
        }
        #expect(try harness.stored().isEmpty)
        #expect(harness.metric(#"switchboard_webhooks_rejected_total{endpoint="twilio",reason="malformed"}"#) == 2)
    }

    @Test("a body over the limit is a 413 before the signature is even looked at")
    func oversizeBodiesAreRefused() async throws {
        let harness = try WebhookHarness(bodyLimit: 64 * 1024)
        let big = WebhookHarness.twilioInbound(sid: "SM77777777777777777777777777777777", body: String(repeating: "ب", count: 40_000))
        let small = WebhookHarness.twilioInbound(sid: "SM88888888888888888888888888888888", body: String(repeating: "b", count: 30_000))
        try await harness.withServer { client in
            let signed = try await WebhookHarness.postTwilio(
                client, Self.path, params: big, signature: WebhookHarness.swiftSignature(path: Self.path, params: big))
            #expect(signed.status == .contentTooLarge)
            let unsigned = try await WebhookHarness.postTwilio(client, Self.path, params: big, signature: nil)
            #expect(unsigned.status == .contentTooLarge)
            let fits = try await WebhookHarness.postTwilio(
                client, Self.path, params: small, signature: WebhookHarness.swiftSignature(path: Self.path, params: small))
            #expect(fits.status == .ok)
        }
        #expect(try harness.stored().map(\.providerID) == ["SM88888888888888888888888888888888"])
    }

    @Test("the default limit is 1 MiB")
    func defaultLimitIsOneMebibyte() async throws {
        let harness = try WebhookHarness()
        #expect(harness.settings.webhookBodyLimit == 1 << 20)
        try await harness.withServer { client in
            let response = try await WebhookHarness.postForm(
                client, Self.path, body: "Body=" + String(repeating: "x", count: 1 << 20), signature: nil)
            #expect(response.status == .contentTooLarge)
        }
    }

    static func callback(_ sid: String, _ status: String, error: String? = nil) -> [(String, String)] {
        var params = [("SmsSid", sid), ("SmsStatus", status), ("MessageStatus", status), ("To", "whatsapp:+971509999999"),
                      ("MessageSid", sid), ("AccountSid", "AC0123456789abcdef0123456789abcdef"), ("From", "whatsapp:+14155238886"),
                      ("ApiVersion", "2010-04-01"), ("ChannelToAddress", "+97150999XXXX")]
        if let error { params += [("ErrorCode", error), ("ErrorMessage", "")] }
        return params
    }

    @Test("status callbacks update the outbound message, keep ErrorCode, and never move a status backwards", .needsServers)
    func statusCallbacksUpdateOutboundMessages() async throws {
        let harness = try WebhookHarness()
        try await harness.seedOutbound(providerID: "SMout0000000000000000000000000001", inboundSID: "SMin00000000000000000000000000001")
        try await harness.seedOutbound(providerID: "SMout0000000000000000000000000002", inboundSID: "SMin00000000000000000000000000002")
        let path = "/webhooks/twilio/status?src=wa"
        let sequence = [
            Self.callback("SMout0000000000000000000000000001", "sent"),
            Self.callback("SMout0000000000000000000000000001", "read"),
            Self.callback("SMout0000000000000000000000000001", "delivered"),          // late: must not undo `read`
            Self.callback("SMout0000000000000000000000000002", "undelivered", error: "63016"),
            Self.callback("SMunknown000000000000000000000000", "delivered"),          // not ours: acknowledged
        ]
        let signatures = try TwilioPythonSigner.sign(sequence.map {
            .init(url: WebhookHarness.publicURL + path, token: WebhookHarness.twilioToken, params: $0)
        })
        try await harness.withServer { client in
            for (params, signature) in zip(sequence, signatures) {
                let response = try await WebhookHarness.postTwilio(client, path, params: params, signature: signature)
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
            let forged = try await WebhookHarness.postTwilio(
                client, path, params: Self.callback("SMout0000000000000000000000000002", "delivered"), signature: signatures[0])
            #expect(forged.status == .forbidden)
            let missingStatus = Self.callback("SMout0000000000000000000000000002", "x").filter { !$0.0.hasSuffix("Status") }
            let malformed = try await WebhookHarness.postTwilio(
                client, path, params: missingStatus, signature: WebhookHarness.swiftSignature(path: path, params: missingStatus))
            #expect(malformed.status == .badRequest)
        }
        let outbound = try harness.stored().filter { $0.direction == .outbound }
        #expect(outbound.first { $0.providerID == "SMout0000000000000000000000000001" }?.status == .read)
        #expect(outbound.first { $0.providerID == "SMout0000000000000000000000000002" }?.status == .failed)
        let code = try await harness.database.reader.read { db in
            try String.fetchOne(db, sql: "SELECT error_code FROM messages WHERE provider_id = ?", arguments: ["SMout0000000000000000000000000002"])
        }
        #expect(code == "63016")
    }

    @Test("an endpoint whose provider is not configured answers 404")
    func unconfiguredProvidersAre404() async throws {
        let harness = try WebhookHarness(twilio: false, meta: false)
        let params = WebhookHarness.twilioInbound(sid: "SM99999999999999999999999999999999", body: "hi")
        try await harness.withServer { client in
            let signature = WebhookHarness.swiftSignature(path: "/webhooks/twilio", params: params)
            expectStatus(try await WebhookHarness.postTwilio(client, "/webhooks/twilio", params: params, signature: signature), .notFound)
            expectStatus(try await WebhookHarness.postTwilio(client, "/webhooks/twilio/status", params: params, signature: signature), .notFound)
            expectStatus(try await WebhookHarness.postMeta(client, json: "{}"), .notFound)
            let verify = "/webhooks/meta?hub.mode=subscribe&hub.verify_token=\(WebhookHarness.metaVerifyToken)&hub.challenge=42"
            expectStatus(try await client.execute(uri: verify, method: .get), .notFound)
        }
        #expect(try harness.stored().isEmpty)
    }
}
