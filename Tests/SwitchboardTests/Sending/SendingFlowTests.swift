import Desk
import Foundation
import Hummingbird
import HummingbirdTesting
import IRCClient
import Logging
import Prometheus
import Store
@testable import Switchboard
import Testing
import TestSupport
import WhatsApp

/// Replies leave through the outbox to real endpoints: Twilio's API (a local stub, checked against the
/// documented request shape) and a real SMTP server, with IRC agents watching the outcome.
@Suite("Sending from IRC", .serialized, .needsServers)
struct SendingFlowTests {
    static let smtpUser = "support@example.com"
    static let smtpPassword = "smtp-pass-7c6b5a49"

    static func line(_ client: RunningClient, containing needle: String, timeout: Duration = .seconds(20)) async throws -> String {
        try await DeskFlowTests.lines(client, containing: needle, timeout: timeout).text
    }

    @Test("draft then send delivers exactly the draft to Twilio, and the status callback reaches the owner")
    func draftSendAndStatus() async throws {
        let stub = try await ProviderStub.start { _, index in ProviderStub.twilioCreated(sid: String(format: "SM%032d", index + 1)) }
        defer { stub.stop() }
        let h = try await SendingHarness.start(nick: "sendtw", channel: "#st-support", whatsapp: .twilio(baseURL: stub.baseURL))
        defer { Task { await h.stop() } }
        let aisha = RunningClient(h.net.configuration(nick: "aisha", account: "aisha", channels: ["#st-support"]))
        defer { Task { await aisha.stop() } }
        try await aisha.waitUntilJoined("#st-support")

        try await h.whatsappFromCustomer("اتخصم مني مرتين الشهر ده، ممكن ترجعوا المبلغ؟")
        _ = try await Self.line(aisha, containing: "!claim 1")
        try await aisha.client.sendText("!claim 1", to: "#st-support")
        _ = try await Self.line(aisha, containing: "aisha claimed #1")
        try await aisha.client.sendText("draft 1 duplicate charge of AED 299 refunded today, 5-7 working days to the card", to: "sendtw")
        _ = try await Self.line(aisha, containing: "Draft for #1")
        let drafted = try #require(try await h.database.history(ticketID: 1).last { $0.kind == .drafted }?.detail["text"])
        try await aisha.client.sendText("send 1", to: "sendtw")
        _ = try await Self.line(aisha, containing: "#1 sent via WhatsApp ✓")

        let requests = stub.requests
        try #require(requests.count == 1)
        let request = requests[0]
        #expect(request.method == "POST")
        #expect(request.path == "/2010-04-01/Accounts/\(SendingHarness.accountSID)/Messages.json")
        let basic = Data("\(SendingHarness.accountSID):\(SendingHarness.twilioToken)".utf8).base64EncodedString()
        #expect(request.header("Authorization") == "Basic \(basic)")
        #expect(request.header("Content-Type")?.hasPrefix("application/x-www-form-urlencoded") == true)
        #expect(request.form.map(\.0) == ["From", "To", "Body", "StatusCallback"])
        #expect(request.field("From") == SendingHarness.twilioFrom)
        #expect(request.field("To") == "whatsapp:+971501232233")
        #expect(request.field("Body") == drafted, "exactly the draft is sent")
        #expect(request.field("StatusCallback") == SendingHarness.publicURL + "/webhooks/twilio/status")
        #expect(request.text.allSatisfy { $0.isASCII }, "UTF-8 text (the 👋) is percent-encoded, as form encoding requires")

        // Twilio reports delivery to the signed status endpoint; the owner hears about it in the ticket's channel.
        let sid = String(format: "SM%032d", 1)
        let params = [("MessageSid", sid), ("MessageStatus", "delivered"), ("AccountSid", SendingHarness.accountSID),
                      ("From", SendingHarness.twilioFrom), ("To", "whatsapp:+971501232233"), ("ApiVersion", "2010-04-01")]
        try await Self.postStatus(params, desk: h.desk, database: h.database)
        let delivered = try await Self.line(aisha, containing: "#1 delivered")
        #expect(delivered.hasPrefix("aisha: "), "addressed to the owner: \(delivered)")
        let export = try h.database.exportRows(customerID: nil).filter { $0.direction == .outbound }
        #expect(export.map(\.status) == [.delivered])
        #expect(export.first?.providerID == sid)

        // A repeated callback changes nothing and is not announced again; a failure later cannot undo delivery.
        try await Self.postStatus(params, desk: h.desk, database: h.database)
        let read = params.map { $0.0 == "MessageStatus" ? ($0.0, "read") : $0 }
        try await Self.postStatus(read, desk: h.desk, database: h.database)
        _ = try await Self.line(aisha, containing: "#1 read")
        let announcements = await aisha.events.filter { if case .message(let m) = $0 { m.text.contains("#1 delivered") } else { false } }
        #expect(announcements.count == 1)
    }

    @Test("with Twilio and Meta both configured, each customer is answered through the provider they wrote to")
    func replyThroughTheCustomersProvider() async throws {
        let stub = try await ProviderStub.start { request, index in
            request.path.hasSuffix("/messages")
                ? ProviderStub.metaAccepted(wamid: "wamid.OUT\(index)", to: "971509990001")
                : ProviderStub.twilioCreated(sid: String(format: "SM%032d", index + 1))
        }
        defer { stub.stop() }
        let h = try await SendingHarness.start(nick: "sendboth", channel: "#sb-support", whatsapp: .both(baseURL: stub.baseURL))
        defer { Task { await h.stop() } }
        let aisha = RunningClient(h.net.configuration(nick: "aisha", account: "aisha", channels: ["#sb-support"]))
        defer { Task { await aisha.stop() } }
        try await aisha.waitUntilJoined("#sb-support")

        try await h.whatsappFromCustomer("I was charged twice", phone: "+971501232233")
        try await h.whatsappFromCustomer("My payment failed", phone: "+971509990001", name: "Layla Odeh", viaMeta: true)
        _ = try await Self.line(aisha, containing: "!claim 2")
        try await aisha.client.sendText("!send 1 The duplicate charge of AED 299 was refunded today, 5 working days to your card.", to: "#sb-support")
        _ = try await Self.line(aisha, containing: "#1 sent via WhatsApp ✓")
        try await aisha.client.sendText("!send 2 Your payment was reversed today; it is back on your card within 5 working days.", to: "#sb-support")
        _ = try await Self.line(aisha, containing: "#2 sent via WhatsApp ✓")

        let requests = stub.requests
        try #require(requests.count == 2)
        let twilio = try #require(requests.first { $0.path.hasSuffix("/Messages.json") })
        #expect(twilio.field("To") == "whatsapp:+971501232233", "the Twilio customer is answered through Twilio")
        let meta = try #require(requests.first { $0.path == "/\(SendingHarness.phoneNumberID)/messages" })
        #expect(meta.json?["to"] as? String == "971509990001", "the Cloud API customer is answered through Meta")
    }

    @Test("outside the 24-hour window send is refused with the templates that fit, and template N NAME sends one")
    func windowRefusalAndTemplate() async throws {
        let stub = try await ProviderStub.start { _, index in ProviderStub.twilioCreated(sid: String(format: "SMtpl%029d", index + 1)) }
        defer { stub.stop() }
        var settings = DeskBot.Settings()
        settings.templates = [
            MessageTemplate(name: "follow_up", lang: "en", text: "Hi {{1}}, following up on #{{2}}: reply here and we'll pick it up at once.",
                            variables: [.customerFirstName, .ticket], twilioContentSID: "HXaaaa0000000000000000000000000001"),
            MessageTemplate(name: "follow_up_ar", lang: "ar", text: "مرحباً {{1}}، نتابع طلبك رقم {{2}}.",
                            variables: [.customerFirstName, .ticket], twilioContentSID: "HXaaaa0000000000000000000000000002"),
        ]
        // The desk's clock runs 25 hours ahead of the store's: the customer's message is a day old.
        let h = try await SendingHarness.start(nick: "sendwin", channel: "#sw-support", whatsapp: .twilio(baseURL: stub.baseURL),
                                               settings: settings, deskNow: { Date().addingTimeInterval(25 * 3600) })
        defer { Task { await h.stop() } }
        let aisha = RunningClient(h.net.configuration(nick: "aisha", account: "aisha", channels: ["#sw-support"]))
        defer { Task { await aisha.stop() } }
        try await aisha.waitUntilJoined("#sw-support")

        try await h.whatsappFromCustomer("My order still has not arrived")
        _ = try await Self.line(aisha, containing: "!claim 1")
        try await aisha.client.sendText("send 1 Your parcel left our warehouse today and arrives by Thursday.", to: "sendwin")
        let refusal = try await Self.line(aisha, containing: "outside WhatsApp's 24-hour window")
        #expect(refusal.contains("!template 1 NAME with one of: follow_up (en), follow_up_ar (ar)"), "\(refusal)")
        #expect(try await h.database.outboxItems(states: [.pending, .sent]).isEmpty, "nothing was queued")

        try await aisha.client.sendText("template 1 nope", to: "sendwin")
        _ = try await Self.line(aisha, containing: "there is no template \"nope\"")
        try await aisha.client.sendText("template 1 FOLLOW_UP", to: "sendwin")
        _ = try await Self.line(aisha, containing: "#1 template follow_up (en) queued")
        _ = try await Self.line(aisha, containing: "#1 sent via WhatsApp ✓")
        let request = try #require(stub.requests.first)
        #expect(stub.requests.count == 1)
        #expect(request.field("ContentSid") == "HXaaaa0000000000000000000000000001")
        #expect(request.field("ContentVariables") == #"{"1":"Omar","2":"1"}"#)
        #expect(request.field("Body") == nil)
        let outbound = try await h.database.messages(ticketID: 1).filter { $0.direction == .outbound }
        #expect(outbound.map(\.text) == ["Hi Omar, following up on #1: reply here and we'll pick it up at once."])
    }

    @Test("close sends the confirmation to the provider; the customer's reply reopens the ticket and the owner is told")
    func closeConfirmReopen() async throws {
        let stub = try await ProviderStub.start { _, index in ProviderStub.twilioCreated(sid: String(format: "SMclose%027d", index + 1)) }
        defer { stub.stop() }
        let h = try await SendingHarness.start(nick: "sendclose", channel: "#sc-support", whatsapp: .twilio(baseURL: stub.baseURL))
        defer { Task { await h.stop() } }
        let aisha = RunningClient(h.net.configuration(nick: "aisha", account: "aisha", channels: ["#sc-support"]))
        defer { Task { await aisha.stop() } }
        try await aisha.waitUntilJoined("#sc-support")

        try await h.whatsappFromCustomer("I was charged twice this month")
        _ = try await Self.line(aisha, containing: "!claim 1")
        try await aisha.client.sendText("!claim 1", to: "#sc-support")
        _ = try await Self.line(aisha, containing: "aisha claimed #1")
        try await aisha.client.sendText("!close 1 refunded the duplicate charge", to: "#sc-support")
        _ = try await Self.line(aisha, containing: "#1 closed by aisha")
        _ = try await Self.line(aisha, containing: "#1 sent via WhatsApp ✓")
        let confirmation = try #require(stub.requests.first)
        #expect(confirmation.field("To") == "whatsapp:+971501232233")
        #expect(confirmation.field("Body") == ClosingConfirmation.text(lang: "en", channel: .whatsapp, customerName: "Omar Haddad"))
        #expect(try await h.database.ticket(id: 1)?.state == .closed)
        let resolution = try await h.database.history(ticketID: 1).last { $0.kind == .closed }
        #expect(resolution?.detail["resolution"] == "refunded the duplicate charge", "\(String(describing: resolution?.detail))")

        try await h.whatsappFromCustomer("Actually the refund hasn't arrived yet")
        let reopened = try await Self.line(aisha, containing: "#1 reopened")
        #expect(reopened.hasPrefix("aisha: "), "the owner is addressed: \(reopened)")
        #expect(reopened.contains("the refund hasn't arrived yet"))
        #expect(try await h.database.ticket(id: 1)?.state == .open)
        #expect(try await h.database.ticket(id: 2) == nil, "within the window the reply reopens, it opens no new ticket")
    }

    /// Posts a status callback through the real webhook router, signed as Twilio signs it.
    static func postStatus(_ params: [(String, String)], desk: DeskBot, database: AppDatabase) async throws {
        let settings = WebhookServerSettings(publicURL: SendingHarness.publicURL, webhookBodyLimit: 1 << 20,
                                             twilio: .init(authToken: SendingHarness.twilioToken, numbers: [SendingHarness.twilioFrom]), meta: nil)
        let services = WebhookServices(database: database, intake: IntakePipeline(database: database, triager: FallbackTriager(), listener: desk),
                                       metrics: WebhookMetrics(registry: PrometheusCollectorRegistry()), ircState: { "connected" })
        let app = WebhookApplication.build(settings: settings, services: services, logger: .init(label: "test.status"))
        let signature = TwilioSignature.expected(url: SendingHarness.publicURL + "/webhooks/twilio/status", parameters: params,
                                                 authToken: SendingHarness.twilioToken)
        try await app.test(.router) { client in
            let response = try await WebhookHarness.postTwilio(client, "/webhooks/twilio/status", params: params, signature: signature)
            expectStatus(response, .ok)
        }
    }

    @Test("an SMTP 4xx is retried through the outbox and delivered once, threaded onto the ticket")
    func smtpTemporaryFailureIsRetried() async throws {
        try await SMTPTestServer.with(["--tls", "starttls", "--tempfail-once", "--user", Self.smtpUser, "--password", Self.smtpPassword]) { server in
            let h = try await SendingHarness.start(nick: "sendmail", channel: "#sm-support",
                                                   smtp: .init(port: server.port, user: Self.smtpUser, password: Self.smtpPassword))
            defer { Task { await h.stop() } }
            let aisha = RunningClient(h.net.configuration(nick: "aisha", account: "aisha", channels: ["#sm-support"]))
            defer { Task { await aisha.stop() } }
            try await aisha.waitUntilJoined("#sm-support")

            try await h.emailFromCustomer("We were charged twice for March. Please refund the second charge.",
                                          subject: "Double charge", messageID: "CAF-double-charge@mail.kettle.example")
            _ = try await Self.line(aisha, containing: "!claim 1")
            try await aisha.client.sendText("send 1 The duplicate charge was refunded today; it reaches your card within 5 working days.", to: "sendmail")
            _ = try await Self.line(aisha, containing: "#1 sent via email ✓")

            let received = try server.messages()
            try #require(received.count == 1, "delivered exactly once after the deferral")
            let message = received[0]
            #expect(message.subject == "Re: Double charge [#1]")
            #expect(message.in_reply_to == "<CAF-double-charge@mail.kettle.example>")
            #expect(message.references == "<CAF-double-charge@mail.kettle.example>")
            #expect(message.to == [.init(name: "", address: "priya@kettle.example")])
            #expect(message.body?.contains("within 5 working days") == true)
            #expect(message.auto_submitted == nil, "an agent's reply is not an auto-reply")
            let rows = try await h.database.outboxItems(states: [.sent])
            #expect(rows.count == 1 && rows.first?.attempts == 2, "one deferral, one delivery: \(rows)")
            let outbound = try await h.database.messages(ticketID: 1).filter { $0.direction == .outbound }
            #expect(outbound.first.map { "<\($0.emailMessageID ?? "")>" } == message.message_id, "our Message-ID is the one recorded for threading")
        }
    }

    @Test("an SMTP 5xx reaches the agent in plain words and is not retried")
    func smtpPermanentFailureReachesTheAgent() async throws {
        try await SMTPTestServer.with(["--tls", "starttls", "--reject-data", "--user", Self.smtpUser, "--password", Self.smtpPassword]) { server in
            let h = try await SendingHarness.start(nick: "sendrej", channel: "#sr-support",
                                                   smtp: .init(port: server.port, user: Self.smtpUser, password: Self.smtpPassword))
            defer { Task { await h.stop() } }
            let aisha = RunningClient(h.net.configuration(nick: "aisha", account: "aisha", channels: ["#sr-support"]))
            defer { Task { await aisha.stop() } }
            try await aisha.waitUntilJoined("#sr-support")

            try await h.emailFromCustomer("Where is my invoice for March?", subject: "Invoice", messageID: "invoice-q@mail.kettle.example")
            _ = try await Self.line(aisha, containing: "!claim 1")
            try await aisha.client.sendText("!claim 1", to: "#sr-support")
            _ = try await Self.line(aisha, containing: "aisha claimed #1")
            try await aisha.client.sendText("send 1 Your March invoice is attached to your account under Billing → Invoices.", to: "sendrej")
            let failure = try await Self.line(aisha, containing: "#1 could not be sent via email")
            #expect(failure.contains("550 5.7.1 Message content rejected"), "\(failure)")
            #expect(failure.hasPrefix("aisha: "), "addressed to the owner: \(failure)")
            #expect(try server.messages().isEmpty)
            let failed = try await h.database.outboxItems(states: [.failed])
            #expect(failed.count == 1 && failed.first?.attempts == 1, "a 5xx is final: \(failed)")
            #expect(try h.database.exportRows(customerID: nil).filter { $0.direction == .outbound }.map(\.status) == [.failed])
        }
    }
}
