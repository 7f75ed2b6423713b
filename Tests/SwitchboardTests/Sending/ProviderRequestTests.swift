import AsyncHTTPClient
import Desk
import Foundation
import Logging
import NIOCore
import Store
@testable import Switchboard
import Testing
import TestSupport

/// The outbox worker against a local stub of Twilio's and Meta's REST APIs: the exact request each
/// provider documents, and what each kind of answer does to the outbox row.
@Suite("Provider requests", .serialized)
struct ProviderRequestTests {
    static let template = MessageTemplate(
        name: "follow_up", lang: "ar", text: "مرحباً {{1}}، بخصوص طلبك رقم {{2}}: هل ما زلت بحاجة إلى مساعدة؟",
        variables: [.customerFirstName, .ticket], twilioContentSID: "HXb5b62575e6e4ff6129ad7c8efe1f983e",
        metaName: "follow_up_v2", metaLanguage: "ar")

    /// One stored WhatsApp ticket and one outbox row for it, sent by a worker with the given sender.
    static func sendOne(
        template: RenderedTemplate? = nil, text: String = "Refund approved today — 5 working days to your card. «شكراً»",
        sender: (HTTPClient, String) -> any OutboundSender, answer: @escaping @Sendable (ProviderStub.Recorded, Int) -> ProviderStub.Answer,
        attempts: Int = 1
    ) async throws -> (stub: ProviderStub, database: AppDatabase, results: [OutboxItem]) {
        let stub = try await ProviderStub.start(answer: answer)
        defer { stub.stop() }
        let database = try AppDatabase.inMemory(backoff: OutboxBackoff(base: .milliseconds(1), cap: .milliseconds(5), maxAttempts: 3))
        let ticket = try await database.ingest(InboundMessage(
            channel: .whatsapp, providerID: "SMin0001", contact: .phone("+971501232233"), displayName: "Omar Haddad", text: "refund?"),
            triage: nil).ticketID
        let payload = try JSONEncoder().encode(OutboundPayload(ticket: ticket, to: "+971501232233", text: template?.text ?? text, template: template))
        _ = try await database.enqueueOutbound(OutboundDraft(ticketID: ticket, channel: .whatsapp, text: template?.text ?? text,
                                                             payload: payload, author: "aisha"))
        let client = HTTPClient.shared
        let worker = OutboxWorker(database: database, senders: [.whatsapp: sender(client, stub.baseURL)], output: nil,
                                  logger: Logger(label: "test.outbox"))
        for _ in 0..<attempts {
            // Time is the condition here: the 5 ms backoff cap must pass before the retry is due.
            try await Task.sleep(for: .milliseconds(20))
            _ = try await worker.sendNext()
        }
        return (stub, database, try await database.outboxItems(states: [.pending, .sent, .failed, .unknown, .inFlight]))
    }

    /// A generous timeout: the suite runs in parallel on two cores, and a slow answer must not look like none.
    static func twilio(_ client: HTTPClient, _ base: String) -> any OutboundSender {
        twilio(client, base, timeout: .seconds(30))
    }

    static func twilio(_ client: HTTPClient, _ base: String, timeout: TimeAmount) -> any OutboundSender {
        TwilioSender(client: client, accountSID: SendingHarness.accountSID, authToken: SendingHarness.twilioToken,
                     from: SendingHarness.twilioFrom, baseURL: base, statusCallback: SendingHarness.publicURL + "/webhooks/twilio/status",
                     timeout: timeout)
    }

    static func meta(_ client: HTTPClient, _ base: String) -> any OutboundSender {
        MetaSender(client: client, accessToken: SendingHarness.metaToken, phoneNumberID: SendingHarness.phoneNumberID,
                   baseURL: base + "/v21.0", timeout: .seconds(30))
    }

    // MARK: Twilio

    @Test("Twilio template: ContentSid and ContentVariables, no Body, Basic auth, the documented path")
    func twilioTemplate() async throws {
        let rendered = Self.template.render(TemplateContext(ticketID: 42, customerName: "Omar Haddad", company: nil, agent: "aisha"))
        let (stub, _, rows) = try await Self.sendOne(template: rendered, sender: Self.twilio) { _, _ in ProviderStub.twilioCreated(sid: "SMtpl0001") }
        let request = try #require(stub.requests.first)
        #expect(request.path == "/2010-04-01/Accounts/\(SendingHarness.accountSID)/Messages.json")
        #expect(request.header("Authorization") == "Basic " + Data("\(SendingHarness.accountSID):\(SendingHarness.twilioToken)".utf8).base64EncodedString())
        #expect(request.form.map(\.0) == ["From", "To", "ContentSid", "ContentVariables", "StatusCallback"])
        #expect(request.field("ContentSid") == "HXb5b62575e6e4ff6129ad7c8efe1f983e")
        let variables = try JSONSerialization.jsonObject(with: Data(try #require(request.field("ContentVariables")).utf8)) as? [String: String]
        #expect(variables == ["1": "Omar", "2": "42"])
        #expect(request.field("Body") == nil)
        #expect(rows.map(\.state) == [.sent])
    }

    @Test("Twilio 63016 fails in plain words naming the template command; no retry")
    func twilioOutsideWindow() async throws {
        let (stub, database, rows) = try await Self.sendOne(sender: Self.twilio, answer: { _, _ in ProviderStub.twilioError(code: 63016) }, attempts: 2)
        #expect(stub.requests.count == 1)
        let row = try #require(rows.first)
        #expect(row.state == .failed)
        let message = try #require(try await database.messages(ticketID: row.ticketID).last)
        #expect(message.status == .failed && message.errorCode == "63016")
        #expect(row.lastError?.contains("more than 24 hours old") == true && row.lastError?.contains("template") == true, "\(row.lastError ?? "")")
    }

    @Test("429, then 500, are retried; the third attempt is the one accepted")
    func rateLimitedThenServerErrorThenSent() async throws {
        let (stub, _, rows) = try await Self.sendOne(sender: Self.twilio, answer: { _, index in
            switch index {
            case 0: .json(status: 429, body: #"{"code": 20429, "message": "Too Many Requests", "status": 429}"#)
            case 1: .json(status: 500, body: #"{"code": 20500, "message": "Internal Server Error", "status": 500}"#)
            default: ProviderStub.twilioCreated(sid: "SMretry0003")
            }
        }, attempts: 3)
        #expect(stub.requests.count == 3)
        #expect(Set(stub.requests.map(\.text)).count == 1, "every attempt carries the same request")
        #expect(rows.map(\.state) == [.sent])
        #expect(rows.first?.attempts == 3)
    }

    @Test("a request that got no answer becomes unknown and is never sent again")
    func noAnswerIsUnknown() async throws {
        let (stub, _, rows) = try await Self.sendOne(sender: { Self.twilio($0, $1, timeout: .seconds(2)) }, answer: { _, _ in .hang }, attempts: 3)
        #expect(stub.requests.count == 1, "the worker never resends an unknown row")
        #expect(rows.map(\.state) == [.unknown])
    }

    // MARK: Meta

    @Test("Meta text: bearer token, /{phone_number_id}/messages, the documented JSON")
    func metaText() async throws {
        let (stub, _, rows) = try await Self.sendOne(sender: Self.meta) { _, _ in ProviderStub.metaAccepted(wamid: "wamid.HBgLOTcxNTAxMjMyMjMzFQIAERgSQUE=", to: "971501232233") }
        let request = try #require(stub.requests.first)
        #expect(request.path == "/v21.0/\(SendingHarness.phoneNumberID)/messages")
        #expect(request.header("Authorization") == "Bearer \(SendingHarness.metaToken)")
        #expect(request.header("Content-Type") == "application/json")
        let json = try #require(request.json)
        #expect(json["messaging_product"] as? String == "whatsapp")
        #expect(json["recipient_type"] as? String == "individual")
        #expect(json["to"] as? String == "971501232233")
        #expect(json["type"] as? String == "text")
        let text = try #require(json["text"] as? [String: Any])
        #expect(text["body"] as? String == "Refund approved today — 5 working days to your card. «شكراً»")
        #expect(text["preview_url"] as? Bool == false)
        #expect(Set(json.keys) == ["messaging_product", "recipient_type", "to", "type", "text"])
        #expect(rows.map(\.state) == [.sent])
    }

    @Test("Meta template: name, language code and body parameters")
    func metaTemplate() async throws {
        let rendered = Self.template.render(TemplateContext(ticketID: 7, customerName: "Omar Haddad", company: nil, agent: "aisha"))
        let (stub, _, rows) = try await Self.sendOne(template: rendered, sender: Self.meta) { _, _ in ProviderStub.metaAccepted(wamid: "wamid.T1", to: "971501232233") }
        let json = try #require(stub.requests.first?.json)
        #expect(json["type"] as? String == "template")
        #expect(json["text"] == nil)
        let template = try #require(json["template"] as? [String: Any])
        #expect(template["name"] as? String == "follow_up_v2")
        #expect((template["language"] as? [String: String]) == ["code": "ar"])
        let components = try #require(template["components"] as? [[String: Any]])
        #expect(components.count == 1 && components[0]["type"] as? String == "body")
        let parameters = try #require(components[0]["parameters"] as? [[String: String]])
        #expect(parameters == [["type": "text", "text": "Omar"], ["type": "text", "text": "7"]])
        #expect(rows.map(\.state) == [.sent])
    }

    @Test("Meta 131047 (re-engagement) fails in plain words")
    func metaOutsideWindow() async throws {
        let (_, _, rows) = try await Self.sendOne(sender: Self.meta) { _, _ in
            .json(status: 400, body: #"{"error": {"message": "(#131047) Re-engagement message", "type": "OAuthException", "code": 131047, "fbtrace_id": "A1b2"}}"#)
        }
        #expect(rows.map(\.state) == [.failed])
        #expect(rows.first?.lastError?.contains("24 hours") == true, "\(rows.first?.lastError ?? "")")
    }
}
