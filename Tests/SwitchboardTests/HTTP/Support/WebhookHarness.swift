import Desk
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import Store
import Testing
import TestSupport
import WhatsApp
@testable import Switchboard

/// The real webhook router over a database, registry, listener and log the test owns.
struct WebhookHarness: Sendable {
    static let publicURL = "https://support.example.test"
    static let twilioToken = "tw-auth-0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f"
    static let metaAppSecret = "meta-secret-9a8b7c6d5e4f"
    static let metaVerifyToken = "meta-verify-31415926"
    /// The business numbers the harness is configured with (`whatsapp.twilio.from`, `phone_number_id`).
    static let twilioNumber = "whatsapp:+14155238886"
    static let metaPhoneNumberID = "1234"

    var settings: WebhookServerSettings
    let database: AppDatabase
    let metrics: WebhookMetrics
    let listener = RecordingListener()
    let logs = CapturingLogHandler.Store()
    var ircState: @Sendable () async -> String = { "connected" }
    var floodMonitor = SenderFloodMonitor()

    init(database: AppDatabase? = nil, twilio: Bool = true, meta: Bool = true, bodyLimit: Int = 1 << 20) throws {
        self.database = try database ?? AppDatabase.inMemory()
        self.metrics = WebhookMetrics(registry: PrometheusCollectorRegistry())
        self.settings = WebhookServerSettings(
            publicURL: Self.publicURL, webhookBodyLimit: bodyLimit,
            twilio: twilio ? .init(authToken: Self.twilioToken, numbers: [Self.twilioNumber]) : nil,
            meta: meta ? .init(appSecret: Self.metaAppSecret, verifyToken: Self.metaVerifyToken, phoneNumberIDs: [Self.metaPhoneNumberID]) : nil)
    }

    var logger: Logger { CapturingLogHandler.logger(label: "test.http", store: logs) }

    var services: WebhookServices {
        WebhookServices(
            database: database,
            intake: IntakePipeline(database: database, triager: FallbackTriager(), listener: listener, floodMonitor: floodMonitor),
            metrics: metrics, ircState: ircState, logger: logger)
    }

    /// Runs `test` against the router on a real loopback socket.
    func withServer(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = WebhookApplication.build(settings: settings, services: services, logger: logger)
        try await app.test(.live, test)
    }

    func stored() throws -> [ExportRow] {
        try database.exportRows(customerID: nil)
    }

    /// A counter's value in the `/metrics` exposition, found by its full series name with labels.
    func metric(_ series: String) -> Double? {
        for line in metrics.exposition().split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    // MARK: Twilio requests

    /// The parameters of a real Twilio WhatsApp webhook, in the order Twilio sends them.
    static func twilioInbound(
        sid: String, from phone: String = "+971501234567", profileName: String = "Aisha", body: String,
        extra: [(String, String)] = []
    ) -> [(String, String)] {
        [
            ("SmsMessageSid", sid), ("NumMedia", "0"), ("ProfileName", profileName), ("MessageType", "text"),
            ("SmsSid", sid), ("WaId", String(phone.dropFirst())), ("SmsStatus", "received"), ("Body", body),
            ("To", "whatsapp:+14155238886"), ("NumSegments", "1"), ("ReferralNumMedia", "0"), ("MessageSid", sid),
            ("AccountSid", "AC0123456789abcdef0123456789abcdef"), ("From", "whatsapp:" + phone), ("ApiVersion", "2010-04-01"),
        ] + extra
    }

    /// Signed in-process; the Python-signed tests prove this agrees with Twilio's library.
    static func swiftSignature(path: String, params: [(String, String)], token: String = twilioToken) -> String {
        TwilioSignature.expected(url: publicURL + path, parameters: params, authToken: token)
    }

    static func postForm(
        _ client: any TestClientProtocol, _ path: String, body: String, signature: String?
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let signature { headers[HTTPField.Name("X-Twilio-Signature")!] = signature }
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func postTwilio(
        _ client: any TestClientProtocol, _ path: String, params: [(String, String)], signature: String?
    ) async throws -> TestResponse {
        try await postForm(client, path, body: FormBody.encode(params), signature: signature)
    }

    // MARK: Meta requests

    static func postMeta(_ client: any TestClientProtocol, json: String, signature: String? = nil) async throws -> TestResponse {
        let body = Array(json.utf8)
        var headers: HTTPFields = [.contentType: "application/json"]
        headers[HTTPField.Name("X-Hub-Signature-256")!] = signature ?? MetaSignature.expected(body: body, appSecret: metaAppSecret)
        return try await client.execute(uri: "/webhooks/meta", method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    /// Creates a ticket with one inbound message and one sent outbound message whose provider id is
    /// `providerID`, so status reports have something to update.
    func seedOutbound(providerID: String, inboundSID: String = "SMseed00000000000000000000000000001") async throws {
        let inbound = InboundMessage(channel: .whatsapp, providerID: inboundSID, contact: .phone("+971509999999"), text: "hello")
        let ticket = try await database.ingest(inbound, triage: nil).ticketID
        let item = try await database.enqueueOutbound(OutboundDraft(
            ticketID: ticket, channel: .whatsapp, text: "We refunded you today.", payload: Data("{}".utf8), author: "aisha"))
        _ = try await database.claimNextOutbox(channel: .whatsapp)
        _ = try await database.recordOutboxResult(id: item.id, .sent(providerID: providerID))
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

/// `#expect` on a response's status, as a plain call: a closure whose only `try` sits inside a macro is
/// inferred as non-throwing, so `#expect(try await …)` cannot stand alone in a test client closure.
func expectStatus(
    _ response: TestResponse, _ status: HTTPResponse.Status, _ comment: Comment? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(response.status == status, comment, sourceLocation: sourceLocation)
}
