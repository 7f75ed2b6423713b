import Desk
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
@testable import Switchboard
import Testing
import TestSupport

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

    /// Declares a 20 MiB body, sends the headers and the first 256 KiB, then waits for an answer without
    /// sending the rest: an answer can only come from a server that decided on the headers alone.
    static let partialUpload = """
        import socket, sys
        port, token = int(sys.argv[1]), sys.argv[2]
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        s.sendall((f"POST /webhooks/email HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nContent-Type: message/rfc822\\r\\n"
                   f"Authorization: Bearer {token}\\r\\nContent-Length: {20 << 20}\\r\\n\\r\\n").encode())
        s.sendall(b"X" * (256 << 10))
        answer = b""
        try:
            while b"\\r\\n" not in answer:
                chunk = s.recv(4096)
                if not chunk:
                    break
                answer += chunk
        except socket.timeout:
            pass
        print(answer.split(b"\\r\\n")[0].decode() or "no answer before the body was sent", flush=True)
        """

    @Test("a wrong token is refused 401 from the headers, before the 20 MiB body it declares is read", .needsServers)
    func unauthorizedBeforeBody() async throws {
        let harness = try Self.harness()
        try await harness.withServer { client in
            let port = try #require(client.port)
            let result = try await TestNetwork.run(["python3", "-c", Self.partialUpload, String(port), "not-the-token"])
            #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "HTTP/1.1 401 Unauthorized", "\(result.output)")
        }
        #expect(try harness.stored().isEmpty)
        #expect(harness.metric(#"switchboard_webhooks_rejected_total{endpoint="email",reason="unauthorized"}"#) == 1)
    }

    @Test("without email.inbound_token the endpoint is not configured")
    func notConfigured() async throws {
        let harness = try WebhookHarness()
        try await harness.withServer { client in
            expectStatus(try await Self.post(client, Array("From: a@b.example\r\n\r\nhi".utf8)), .notFound)
        }
    }
}
