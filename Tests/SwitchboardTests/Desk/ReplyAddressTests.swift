import AsyncHTTPClient
import Desk
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import Store
@testable import Switchboard
import Testing
import TestSupport
import WhatsApp

/// Where a reply goes: the desk receives mail and WhatsApp through the real webhook server, shows a
/// differing Reply-To on the card and in `show`, answers `From` unless the Reply-To is the same customer's
/// or an agent chooses it (logged), and answers WhatsApp from the number the customer wrote to.
@Suite("Desk: where a reply goes", .serialized, .needsServers)
struct ReplyAddressTests {
    static let emailToken = "reply-address-token"
    static let twilioToken = "tw-reply-address-0000000000000000"
    static let numbers = ["whatsapp:+14155238886", "whatsapp:+97145550100"]

    /// Posts to the real webhook server, whose intake tells `rig`'s desk.
    static func post(_ rig: FollowUpTests.DeskRig, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        var settings = WebhookServerSettings(publicURL: WebhookHarness.publicURL, twilio: .init(authToken: twilioToken, numbers: numbers), meta: nil)
        settings.emailToken = emailToken
        let services = WebhookServices(
            database: rig.database, intake: IntakePipeline(database: rig.database, triager: FallbackTriager(), listener: rig.bot),
            metrics: WebhookMetrics(registry: PrometheusCollectorRegistry()), ircState: { "connected" })
        try await WebhookApplication.build(settings: settings, services: services, logger: Logger(label: "test.reply")).test(.live, body)
    }

    static func postEmail(_ rig: FollowUpTests.DeskRig, _ raw: [UInt8]) async throws {
        try await post(rig) { client in
            let response = try await client.execute(uri: "/webhooks/email", method: .post,
                                                    headers: [.contentType: "message/rfc822", .authorization: "Bearer \(emailToken)"],
                                                    body: ByteBuffer(bytes: raw))
            expectStatus(response, .ok)
        }
    }

    static func payloads(_ database: AppDatabase) async throws -> [OutboundPayload] {
        try await database.outboxItems(states: [.pending]).map { try JSONDecoder().decode(OutboundPayload.self, from: $0.payload) }
    }

    static func waitForCard(_ rig: FollowUpTests.DeskRig, _ ticket: Int64) async throws {
        try await eventually("the card of #\(ticket)", timeout: .seconds(20)) { !rig.output.containing("!claim \(ticket)").isEmpty }
    }

    @Test("a Reply-To that is not the customer's is shown on the card and in show; send answers From, send --to reply-to answers it and is logged")
    func foreignReplyTo() async throws {
        let rig = try FollowUpTests.fresh()
        try await Self.postEmail(rig, EmailIdentityTests.mail(
            from: "Pat K <attacker@evil.example>", replyTo: "pat@kettle.example", messageID: "spoof-2@evil.example",
            body: "Please refund order 5521 to my new card"))
        try await Self.waitForCard(rig, 1)
        let card = try #require(rig.output.containing("!claim 1").first)
        #expect(card.contains("a***@evil.example"), "\(card)")
        #expect(card.contains("Reply-To p***@kettle.example"), "\(card)")

        await rig.agent("show 1")
        let shown = try #require(rig.output.containing("replies would go to").first)
        #expect(shown.contains("replies would go to attacker@evil.example (From)"), "\(shown)")
        #expect(shown.contains("Reply-To pat@kettle.example is not this customer's address"), "\(shown)")
        #expect(shown.contains("!send 1 --to reply-to"), "\(shown)")

        await rig.agent("send 1 We can only refund to the card used for the order; it is back there within 5 working days.")
        #expect(try await Self.payloads(rig.database).map(\.to) == ["attacker@evil.example"], "replies go to From")
        #expect(try await rig.database.history(ticketID: 1).contains { $0.kind == .replyToChosen } == false)

        await rig.agent("send 1 --to reply-to Pat, we had a refund request in your name today; it goes to the original card within 5 working days.")
        #expect(try await Self.payloads(rig.database).map(\.to) == ["attacker@evil.example", "pat@kettle.example"])
        let chosen = try #require(try await rig.database.history(ticketID: 1).first { $0.kind == .replyToChosen })
        #expect(chosen.actor == "aisha")
        #expect(chosen.detail["address"] == "pat@kettle.example")
        #expect(!rig.output.containing("to the Reply-To address pat@kettle.example").isEmpty, "\(rig.output.all)")
    }

    @Test("a Reply-To that is another address of the same customer is where replies go")
    func sameCustomerReplyTo() async throws {
        let rig = try FollowUpTests.fresh()
        _ = try await rig.database.importCustomers([CustomerImportRow(name: "Pat Kettle", emails: ["pat@kettle.example", "pat.k@home.example"])])
        try await Self.postEmail(rig, EmailIdentityTests.mail(
            from: "Pat <pat@kettle.example>", replyTo: "pat.k@home.example", messageID: "pat-9@kettle.example",
            body: "Where is my kettle? Order 5521."))
        try await Self.waitForCard(rig, 1)
        await rig.agent("show 1")
        #expect(!rig.output.containing("replies would go to pat.k@home.example (the Reply-To, an address of this customer)").isEmpty,
                "\(rig.output.all)")
        await rig.agent("send 1 It left our warehouse today and arrives by Thursday.")
        #expect(try await Self.payloads(rig.database).map(\.to) == ["pat.k@home.example"])
    }

    @Test("a WhatsApp reply leaves from the number the customer wrote to")
    func replyFromTheNumberWrittenTo() async throws {
        let rig = try FollowUpTests.fresh()
        let params = WebhookHarness.twilioInbound(sid: "SMnum0000000000000000000000000001", from: "+971501232233", body: "Where is my order?")
            .map { $0.0 == "To" ? ($0.0, "whatsapp:+97145550100") : $0 }
        let signature = try #require(try TwilioPythonSigner.sign([
            .init(url: WebhookHarness.publicURL + "/webhooks/twilio", token: Self.twilioToken, params: params),
        ]).first)
        try await Self.post(rig) { client in
            expectStatus(try await WebhookHarness.postTwilio(client, "/webhooks/twilio", params: params, signature: signature), .ok)
        }
        try await Self.waitForCard(rig, 1)
        await rig.agent("send 1 It left our warehouse today and arrives by Thursday.")
        #expect(try await Self.payloads(rig.database).map(\.from) == ["whatsapp:+97145550100"])

        let stub = try await ProviderStub.start { _, index in ProviderStub.twilioCreated(sid: String(format: "SMrep%029d", index + 1)) }
        defer { stub.stop() }
        let sender = TwilioSender(
            client: HTTPClient.shared, accountSID: SendingHarness.accountSID, authToken: SendingHarness.twilioToken, from: Self.numbers[0],
            baseURL: stub.baseURL, statusCallback: nil, timeout: .seconds(30), numbers: BusinessNumbers(twilio: Self.numbers))
        let worker = OutboxWorker(database: rig.database, senders: [.whatsapp: sender], output: nil, logger: Logger(label: "test.outbox"))
        _ = try await worker.sendNext()
        let request = try #require(stub.requests.first)
        #expect(request.field("From") == "whatsapp:+97145550100", "from the second number, which the customer wrote to")
        #expect(request.field("To") == "whatsapp:+971501232233")
    }
}
