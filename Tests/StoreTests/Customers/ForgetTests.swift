import Desk
import Foundation
import GRDB
import Store
import Testing

@Suite struct ForgetTests {
    @Test func erasesOneCustomerEverywhereAndLogsOneAnonymousEvent() async throws {
        let (database, queue) = try Fixtures.database()
        let pat = try await database.ingest(Fixtures.whatsapp("SM1", text: "my address is 1 Kettle St"), triage: Fixtures.triage()).receipt
        _ = try await database.retag(ticketID: pat.ticketID, category: .billing, actor: "aisha")
        _ = try await database.enqueueOutbound(Fixtures.draft(ticket: pat.ticketID), lifecycle: .replied)
        _ = try await database.scheduleTimer(ticketID: pat.ticketID, kind: .followUp, dueAt: Date())
        let other = try await database.ingest(Fixtures.email("m@x.example", from: "sam@x.example", text: "keep me"), triage: nil).receipt

        let erased = try await database.forgetCustomer(id: pat.customerID, actor: "founder")
        #expect(erased.kind == .erased)
        #expect(erased.ticketID == nil)
        #expect(erased.detail == ["tickets": "1", "messages": "2"])

        let leftovers = try await queue.read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM customers WHERE id = ?) + (SELECT COUNT(*) FROM contacts WHERE customer_id = ?)
                     + (SELECT COUNT(*) FROM tickets WHERE customer_id = ?) + (SELECT COUNT(*) FROM messages WHERE ticket_id = ?)
                     + (SELECT COUNT(*) FROM events WHERE ticket_id = ?) + (SELECT COUNT(*) FROM outbox)
                     + (SELECT COUNT(*) FROM corrections) + (SELECT COUNT(*) FROM timers)
                     + (SELECT COUNT(*) FROM messages WHERE text LIKE '%Kettle St%')
                """, arguments: [pat.customerID, pat.customerID, pat.customerID, pat.ticketID, pat.ticketID])
        }
        #expect(leftovers == 0)
        #expect(try await database.messages(ticketID: other.ticketID).map(\.text) == ["keep me"])
        // The log is append-only again afterwards.
        #expect(throws: DatabaseError.self) { try queue.write { db in try db.execute(sql: "DELETE FROM events") } }
        await #expect(throws: StoreError.self) { try await database.forgetCustomer(id: pat.customerID, actor: "founder") }
    }
}
