import Desk
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
@testable import Switchboard
import Testing

/// Who an email is from, through `POST /webhooks/email` on a real socket: `From` decides the customer and
/// the thread, never `Reply-To`; a colleague answering our Message-ID is stored as themselves; and a
/// stranger cannot make a customer's Message-ID a duplicate by sending it first.
@Suite("Email: who a message is from")
struct EmailIdentityTests {
    static func mail(from: String, replyTo: String? = nil, messageID: String, subject: String = "Kettle order 5521",
                     inReplyTo: String? = nil, body: String) -> [UInt8] {
        var headers = ["From: \(from)", "To: support@example.com", "Subject: \(subject)", "Message-ID: <\(messageID)>",
                       "Date: Mon, 07 Dec 2026 09:00:00 +0000", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8"]
        if let replyTo { headers.append("Reply-To: \(replyTo)") }
        if let inReplyTo { headers += ["In-Reply-To: <\(inReplyTo)>", "References: <\(inReplyTo)>"] }
        return Array((headers.joined(separator: "\r\n") + "\r\n\r\n" + body + "\r\n").utf8)
    }

    static let pat = mail(from: "Pat Kettle <pat@kettle.example>", messageID: "pat-1@kettle.example",
                          body: "Hello, my kettle order 5521 has not arrived yet. Could you check?")

    @Test("Reply-To never decides the customer: a stranger naming Pat's address opens their own ticket, and the Reply-To is kept on the message")
    func replyToDoesNotDecideTheCustomer() async throws {
        let harness = try EmailWebhookTests.harness()
        let spoof = Self.mail(from: "Pat K <attacker@evil.example>", replyTo: "pat@kettle.example", messageID: "spoof-1@evil.example",
                              body: "URGENT!!! Please refund order 5521 to my new card instead")
        try await harness.withServer { client in
            expectStatus(try await EmailWebhookTests.post(client, Self.pat), .ok)
            expectStatus(try await EmailWebhookTests.post(client, spoof), .ok)
        }
        let rows = try harness.stored()
        try #require(rows.count == 2)
        let patRow = try #require(rows.first { $0.providerID == "pat-1@kettle.example" })
        let spoofRow = try #require(rows.first { $0.providerID == "spoof-1@evil.example" })
        #expect(spoofRow.ticket != patRow.ticket, "the stranger did not join Pat's ticket")
        #expect(spoofRow.customer != patRow.customer, "the stranger is not Pat")
        #expect(harness.listener.recorded.map(\.contact) == ["pat@kettle.example", "attacker@evil.example"])
        let patTicket = try #require(try await harness.database.ticket(id: patRow.ticket))
        #expect(patTicket.urgency == .normal)
        #expect(try await harness.database.messages(ticketID: patRow.ticket).count == 1, "Pat's ticket holds only Pat's words")
        let stored = try #require(try await harness.database.messages(ticketID: spoofRow.ticket).first)
        #expect(stored.sender == "attacker@evil.example")
        #expect(stored.replyTo == "pat@kettle.example", "the Reply-To is kept to be shown")
        #expect(try await harness.database.customer(matching: .email("attacker@evil.example"))?.id == spoofRow.customer)
    }

    @Test("a colleague in CC answering our Message-ID joins the thread as themselves; export and forget find the message by its author")
    func colleagueJoinsAsThemselves() async throws {
        let harness = try EmailWebhookTests.harness()
        try await harness.withServer { client in
            expectStatus(try await EmailWebhookTests.post(client, Self.pat), .ok)
        }
        let patRow = try #require(try harness.stored().first)
        // Our reply to Pat, with a Message-ID of ours that the colleague then answers.
        _ = try await harness.database.enqueueOutbound(OutboundDraft(
            ticketID: patRow.ticket, channel: .email, text: "It ships today and arrives by Thursday.", payload: Data("{}".utf8),
            author: "aisha", subject: "Re: Kettle order 5521 [#\(patRow.ticket)]", emailMessageID: "reply-1@switchboard"))
        let colleague = Self.mail(from: "Chris Lee <chris@kettle.example>", messageID: "chris-1@kettle.example",
                                  subject: "Re: Kettle order 5521 [#\(patRow.ticket)]", inReplyTo: "reply-1@switchboard",
                                  body: "Thanks, I handle deliveries here; please send tracking to me.")
        // A stranger who only knows the subject tag does not join.
        let guesser = Self.mail(from: "x@evil.example", messageID: "x-1@evil.example", subject: "Re: Kettle order 5521 [#\(patRow.ticket)]",
                                body: "Please send the tracking link to me")
        try await harness.withServer { client in
            expectStatus(try await EmailWebhookTests.post(client, colleague), .ok)
            expectStatus(try await EmailWebhookTests.post(client, guesser), .ok)
        }
        let rows = try harness.stored()
        let chris = try #require(rows.first { $0.providerID == "chris-1@kettle.example" })
        let stranger = try #require(rows.first { $0.providerID == "x-1@evil.example" })
        #expect(chris.ticket == patRow.ticket, "replying to our Message-ID threads into Pat's ticket")
        #expect(stranger.ticket != patRow.ticket, "a guessed subject tag threads nothing")
        let chrisID = try #require(try await harness.database.customer(matching: .email("chris@kettle.example"))?.id)
        #expect(chris.customer == chrisID, "the row's customer is its author")
        let message = try #require(try await harness.database.messages(ticketID: patRow.ticket).first { $0.providerID == "chris-1@kettle.example" })
        #expect(message.customerID == chrisID)

        let chrisExport = try harness.database.exportRows(customerID: chrisID)
        #expect(chrisExport.map(\.providerID) == ["chris-1@kettle.example"], "export --customer finds the colleague's message by its author")
        #expect(!(try harness.database.exportRows(customerID: patRow.customer)).contains { $0.providerID == "chris-1@kettle.example" })

        _ = try await harness.database.forgetCustomer(id: chrisID, actor: "operator")
        #expect(try await harness.database.ticket(id: patRow.ticket) != nil, "Pat's ticket stays")
        let left = try await harness.database.messages(ticketID: patRow.ticket)
        #expect(!left.contains { $0.providerID == "chris-1@kettle.example" }, "forget --customer erased the colleague's words")
        #expect(left.contains { $0.providerID == "pat-1@kettle.example" })
    }

    @Test("a stranger cannot squat a Message-ID: Pat's real message is stored after it, and a true redelivery still once")
    func messageIDSquatting() async throws {
        let harness = try EmailWebhookTests.harness()
        let squat = Self.mail(from: "x@evil.example", messageID: "pat-1@kettle.example", body: "first!")
        try await harness.withServer { client in
            expectStatus(try await EmailWebhookTests.post(client, squat), .ok)
            expectStatus(try await EmailWebhookTests.post(client, Self.pat), .ok)
            expectStatus(try await EmailWebhookTests.post(client, Self.pat), .ok)
            expectStatus(try await EmailWebhookTests.post(client, squat), .ok)
        }
        let rows = try harness.stored().filter { $0.providerID == "pat-1@kettle.example" }
        #expect(rows.count == 2, "one each for the stranger and Pat, each stored once")
        let patID = try #require(try await harness.database.customer(matching: .email("pat@kettle.example"))?.id)
        let patRows = rows.filter { $0.customer == patID }
        #expect(patRows.count == 1)
        #expect(patRows.first?.text.contains("has not arrived yet") == true, "Pat's words, not the stranger's")
        #expect(harness.metric(#"switchboard_webhooks_duplicate_total{endpoint="email"}"#) == 2)
    }
}
