import Desk
import Foundation
import GRDB
import Store
import Testing

@Suite struct IngestTests {
    @Test func firstMessageCreatesCustomerTicketMessageAndEvents() async throws {
        let clock = TestClock()
        let (database, queue) = try Fixtures.database(clock)
        let sent = clock.now.addingTimeInterval(-30)
        let outcome = try await database.ingest(
            Fixtures.whatsapp("SM1", at: sent), triage: Fixtures.triage(.billing, urgency: .high, lang: "ar")
        )
        let receipt = try outcome.receipt
        #expect(receipt.isNewTicket)
        #expect(receipt.isNewCustomer)
        #expect(receipt.threadedBy == .newTicket)
        #expect(receipt.reopenCandidate == nil)
        #expect(receipt.ticketState == .open)

        let ticket = try #require(try await database.ticket(id: receipt.ticketID))
        #expect(ticket.customerID == receipt.customerID)
        #expect(ticket.state == .open)
        #expect(ticket.category == .billing)
        #expect(ticket.urgency == .high)
        #expect(ticket.lang == "ar")
        #expect(ticket.channel == .whatsapp)

        let customer = try #require(try await database.customer(id: receipt.customerID))
        #expect(customer.name == "Pat")
        let contacts = try await database.contacts(customerID: customer.id)
        #expect(contacts.map(\.key) == [.phone("+971501234567")])
        #expect(contacts.first?.lastInboundAt == sent)

        let messages = try await database.messages(ticketID: ticket.id)
        #expect(messages.count == 1)
        #expect(messages.first?.id == receipt.messageID)
        #expect(messages.first?.providerID == "SM1")
        #expect(messages.first?.status == .received)
        #expect(messages.first?.direction == .inbound)
        #expect(messages.first?.receivedAt == clock.now)
        #expect(messages.first?.category == .billing)

        let history = try await database.history(ticketID: ticket.id)
        #expect(history.map(\.kind) == [.received, .triaged])
        #expect(history[0].actor == TicketEvent.customer)
        #expect(history[0].detail["message"] == String(receipt.messageID))
        #expect(history[1].detail["category"] == "billing")
        #expect(history[1].detail["to"] == "open")

        let counts = try await queue.read { db in
            try ["customers", "contacts", "tickets", "messages", "events"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1 }
        }
        #expect(counts == [1, 1, 1, 1, 2])
    }

    @Test func withoutTriageTheTicketStaysNew() async throws {
        let (database, _) = try Fixtures.database()
        let receipt = try await database.ingest(Fixtures.whatsapp("SM1"), triage: nil).receipt
        #expect(receipt.ticketState == .new)
        #expect(try await database.history(ticketID: receipt.ticketID).map(\.kind) == [.received])
        // Triage arriving with the next message moves it on.
        let second = try await database.ingest(Fixtures.whatsapp("SM2"), triage: Fixtures.triage()).receipt
        #expect(second.ticketID == receipt.ticketID)
        #expect(second.ticketState == .open)
    }

    @Test func theSameProviderIDFiveTimesIsStoredOnce() async throws {
        let (database, queue) = try Fixtures.database()
        var outcomes: [IngestOutcome] = []
        for _ in 0..<5 {
            outcomes.append(try await database.ingest(Fixtures.whatsapp("SMdup"), triage: Fixtures.triage()))
        }
        let first = try outcomes[0].receipt
        for outcome in outcomes.dropFirst() {
            #expect(outcome == .duplicate(ticketID: first.ticketID))
        }
        let (messages, events) = try await queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages") ?? -1, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? -1)
        }
        #expect(messages == 1)
        #expect(events == 2)
    }

    @Test func concurrentRetriesAreStoredOnce() async throws {
        let (database, queue) = try Fixtures.database()
        let outcomes = try await withThrowingTaskGroup(of: IngestOutcome.self) { group in
            for _ in 0..<8 {
                group.addTask { try await database.ingest(Fixtures.whatsapp("SMrace"), triage: nil) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { !$0.isDuplicate }.count == 1)
        #expect(try await queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages") } == 1)
    }

    @Test func theSameIDOnAnotherChannelIsNotADuplicate() async throws {
        let (database, _) = try Fixtures.database()
        _ = try await database.ingest(Fixtures.whatsapp("X1"), triage: nil).receipt
        let email = InboundMessage(channel: .email, providerID: "X1", contact: .email("pat@kettle.example"), text: "hi")
        #expect(try await !database.ingest(email, triage: nil).isDuplicate)
    }

    @Test func laterMessagesJoinTheOpenTicket() async throws {
        let (database, _) = try Fixtures.database()
        let first = try await database.ingest(Fixtures.whatsapp("SM1"), triage: Fixtures.triage()).receipt
        let second = try await database.ingest(Fixtures.whatsapp("SM2", text: "still broken"), triage: Fixtures.triage(.bugReport, urgency: .high)).receipt
        #expect(second.ticketID == first.ticketID)
        #expect(!second.isNewTicket)
        #expect(!second.isNewCustomer)
        #expect(second.threadedBy == .openTicket)
        let ticket = try #require(try await database.ticket(id: first.ticketID))
        // The ticket keeps its category; urgency rises.
        #expect(ticket.category == .support)
        #expect(ticket.urgency == .high)
        #expect(try await database.messages(ticketID: first.ticketID).map(\.providerID) == ["SM1", "SM2"])
    }

    @Test func messagesAreListedByProviderTimeNotArrival() async throws {
        let clock = TestClock()
        let (database, _) = try Fixtures.database(clock)
        let base = clock.now
        // Meta delivers a batch out of order: the later message arrives first.
        let late = try await database.ingest(Fixtures.whatsapp("wamid.B", text: "second", at: base.addingTimeInterval(-10)), triage: nil).receipt
        clock.advance(by: 1)
        _ = try await database.ingest(Fixtures.whatsapp("wamid.A", text: "first", at: base.addingTimeInterval(-20)), triage: nil)
        clock.advance(by: 1)
        _ = try await database.ingest(Fixtures.whatsapp("wamid.C", text: "third", at: base.addingTimeInterval(-5)), triage: nil)
        let texts = try await database.messages(ticketID: late.ticketID).map(\.text)
        #expect(texts == ["first", "second", "third"])
        // The window starts at the newest customer message, not the last to arrive.
        let contact = try #require(try await database.contact(matching: .phone("+971501234567")))
        #expect(contact.lastInboundAt == base.addingTimeInterval(-5))
    }

    @Test func emailDoesNotTouchTheWhatsAppWindow() async throws {
        let (database, _) = try Fixtures.database()
        _ = try await database.ingest(Fixtures.email("m1@mail.example"), triage: nil)
        let contact = try #require(try await database.contact(matching: .email("pat@kettle.example")))
        #expect(contact.lastInboundAt == nil)
    }

    @Test func emailAddressesMatchCaseInsensitively() async throws {
        let (database, _) = try Fixtures.database()
        let first = try await database.ingest(Fixtures.email("m1@mail.example", from: "Pat@Kettle.example"), triage: nil).receipt
        let second = try await database.ingest(Fixtures.email("m2@mail.example", from: "PAT@KETTLE.EXAMPLE"), triage: nil).receipt
        #expect(second.customerID == first.customerID)
        #expect(!second.isNewCustomer)
    }

    @Test func knownCustomersMessagesJoinOneTicketAcrossChannels() async throws {
        let (database, _) = try Fixtures.database()
        let csv = """
            name,company,plan,emails,phones,owner,language,notes
            Pat Doe,Kettle Co,pro,pat@kettle.example,+971 50 123 4567,founder,en,
            """
        let summary = try await database.importCustomers(try CustomerCSV.parse(csv).rows)
        #expect(summary.created == 1)

        let viaWhatsApp = try await database.ingest(Fixtures.whatsapp("SM1"), triage: Fixtures.triage()).receipt
        #expect(!viaWhatsApp.isNewCustomer)
        let viaEmail = try await database.ingest(Fixtures.email("m1@mail.example", from: "PAT@kettle.example"), triage: Fixtures.triage()).receipt
        #expect(viaEmail.customerID == viaWhatsApp.customerID)
        #expect(viaEmail.ticketID == viaWhatsApp.ticketID)
        #expect(viaEmail.threadedBy == .openTicket)
        let messages = try await database.messages(ticketID: viaWhatsApp.ticketID)
        #expect(messages.map(\.channel) == [.whatsapp, .email])
        let customer = try #require(try await database.customer(id: viaEmail.customerID))
        #expect(customer.name == "Pat Doe")
        #expect(customer.plan == "pro")
    }

    @Test func aFailureMidTransactionLeavesNoPartialRows() async throws {
        let (database, queue) = try Fixtures.database()
        // Make the very last write of ingest (the `triaged` event) fail.
        try await queue.write { db in
            try db.execute(sql: """
                CREATE TRIGGER fail_triaged BEFORE INSERT ON events WHEN NEW.kind = 'triaged'
                BEGIN SELECT RAISE(ABORT, 'injected failure'); END
                """)
        }
        await #expect(throws: DatabaseError.self) {
            try await database.ingest(Fixtures.whatsapp("SM1"), triage: Fixtures.triage())
        }
        let counts = try await queue.read { db in
            try ["customers", "contacts", "tickets", "messages", "events"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1 }
        }
        #expect(counts == [0, 0, 0, 0, 0])

        // Without the fault the same message stores normally: the failed attempt left nothing to dedupe against.
        try await queue.write { db in try db.execute(sql: "DROP TRIGGER fail_triaged") }
        let receipt = try await database.ingest(Fixtures.whatsapp("SM1"), triage: Fixtures.triage()).receipt
        #expect(receipt.isNewCustomer)
    }
}
