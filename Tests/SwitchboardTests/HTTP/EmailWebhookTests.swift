import Desk
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
@testable import Switchboard
import Testing

@Suite("POST /webhooks/email")
struct EmailWebhookTests {
    static let token = "email-token-271828"
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("MailTests/Fixtures/email-corpus/dev")

    static func harness(bodyLimit: Int = 25 << 20) throws -> WebhookHarness {
        var harness = try WebhookHarness()
        harness.settings.emailToken = token
        harness.settings.emailBodyLimit = bodyLimit
        return harness
    }

    static func post(_ client: any TestClientProtocol, _ body: [UInt8], token: String? = Self.token) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "message/rfc822"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: "/webhooks/email", method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    @Test("a message with the right token is stored once; a duplicate Message-ID is 200 and stores nothing")
    func storesOnce() async throws {
        let harness = try Self.harness()
        let raw = Array(try Data(contentsOf: Self.corpus.appendingPathComponent("d02_ar_utf8_8bit_encoded_subject_from.eml")))
        try await harness.withServer { client in
            expectStatus(try await Self.post(client, raw), .ok)
            expectStatus(try await Self.post(client, raw), .ok)
        }
        let rows = try harness.stored()
        #expect(rows.count == 1)
        #expect(rows.first?.channel == .email)
    }

    @Test("order of checks: 413 before 401 before 400; nothing stored for any of them")
    func refusals() async throws {
        let harness = try Self.harness(bodyLimit: 2048)
        let raw = Array(try Data(contentsOf: Self.corpus.appendingPathComponent("d01_en_plain_7bit_new_ticket.eml")))
        try await harness.withServer { client in
            expectStatus(try await Self.post(client, Array(repeating: 65, count: 4096), token: nil), .contentTooLarge)
            expectStatus(try await Self.post(client, raw, token: nil), .unauthorized)
            expectStatus(try await Self.post(client, raw, token: "wrong"), .unauthorized)
            expectStatus(try await Self.post(client, Array("no header section at all".utf8)), .badRequest)
        }
        #expect(try harness.stored().isEmpty)
    }

    @Test("without email.inbound_token the endpoint is not configured")
    func notConfigured() async throws {
        let harness = try WebhookHarness()
        try await harness.withServer { client in
            expectStatus(try await Self.post(client, Array("From: a@b.example\r\n\r\nhi".utf8)), .notFound)
        }
    }
}
