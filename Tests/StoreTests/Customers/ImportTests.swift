import Desk
import Foundation
import GRDB
import Store
import Testing

@Suite struct ImportTests {
    let header = "name,company,plan,emails,phones,owner,language,notes,external_id\n"

    private func rows(_ body: String) throws -> [CustomerImportRow] {
        try CustomerCSV.parse(header + body).rows
    }

    @Test func createsThenUpdatesByExternalID() async throws {
        let (database, _) = try Fixtures.database()
        let first = try await database.importCustomers(try rows("Pat,Kettle,free,pat@kettle.example,,aisha,en,,crm-1\n"))
        #expect(first == ImportSummary(created: 1))
        let customer = try #require(try await database.customer(matching: .email("pat@kettle.example")))
        #expect(customer.externalID == "crm-1")
        #expect(customer.plan == "free")

        // Same external id, new email and plan: updated in place, old email kept.
        let second = try await database.importCustomers(try rows("Pat Doe,Kettle,pro,pat@new.example,+971 50 123 4567,founder,en,VIP,crm-1\n"))
        #expect(second == ImportSummary(updated: 1))
        let updated = try #require(try await database.customer(id: customer.id))
        #expect(updated.name == "Pat Doe")
        #expect(updated.plan == "pro")
        #expect(updated.owner == "founder")
        #expect(updated.notes == "VIP")
        let keys = Set(try await database.contacts(customerID: customer.id).map(\.key))
        #expect(keys == [.email("pat@kettle.example"), .email("pat@new.example"), .phone("+971501234567")])

        // Importing the same file again changes nothing.
        let third = try await database.importCustomers(try rows("Pat Doe,Kettle,pro,pat@new.example,+971 50 123 4567,founder,en,VIP,crm-1\n"))
        #expect(third == ImportSummary(unchanged: 1))
    }

    @Test func matchesOnAnyEmailOrPhoneWithoutExternalID() async throws {
        let (database, _) = try Fixtures.database()
        let receipt = try await database.ingest(Fixtures.whatsapp("SM1", name: "P"), triage: nil).receipt
        let summary = try await database.importCustomers(try rows("Pat,,,,+971501234567,,,,\n"))
        #expect(summary == ImportSummary(updated: 1))
        #expect(try await database.customer(id: receipt.customerID)?.name == "Pat")
    }

    @Test func mergesCustomersARowProvesAreOnePerson() async throws {
        let (database, _) = try Fixtures.database()
        let byEmail = try await database.ingest(Fixtures.email("m1@x.example", from: "pat@kettle.example"), triage: nil).receipt
        let byPhone = try await database.ingest(Fixtures.whatsapp("SM1"), triage: nil).receipt
        #expect(byEmail.customerID != byPhone.customerID)

        let summary = try await database.importCustomers(try rows("Pat,,,pat@kettle.example,+971501234567,,,,crm-9\n"))
        #expect(summary.merged == 1)
        #expect(summary.updated == 1)
        // The older record survives and holds both contacts and both tickets.
        #expect(try await database.customer(id: byPhone.customerID) == nil)
        let survivor = try #require(try await database.customer(id: byEmail.customerID))
        #expect(survivor.externalID == "crm-9")
        #expect(try await database.contacts(customerID: survivor.id).count == 2)
        #expect(try await database.tickets(customerID: survivor.id).map(\.id).sorted() == [byEmail.ticketID, byPhone.ticketID].sorted())
        #expect(try await database.history(ticketID: byPhone.ticketID).last?.kind == .merged)
    }

    @Test func neverMergesTwoImportedCustomers() async throws {
        let (database, _) = try Fixtures.database()
        _ = try await database.importCustomers(try rows("Pat,,,pat@kettle.example,,,,,crm-1\nSam,,,sam@kettle.example,,,,,crm-2\n"))
        // A row for crm-1 that also lists Sam's address: Sam's address stays Sam's.
        let summary = try await database.importCustomers(try rows("Pat,,,pat@kettle.example;sam@kettle.example,,,,,crm-1\n"))
        #expect(summary.merged == 0)
        #expect(summary.problems.count == 1)
        #expect(summary.problems.first?.contains("sam@kettle.example belongs to customer") == true)
        let sam = try #require(try await database.customer(matching: .email("sam@kettle.example")))
        #expect(sam.externalID == "crm-2")
    }

    @Test func anImportIsAllOrNothing() async throws {
        let (database, queue) = try Fixtures.database()
        let good = CustomerImportRow(line: 2, name: "Pat", emails: ["pat@kettle.example"])
        try await queue.write { db in
            try db.execute(sql: """
                CREATE TRIGGER fail_second BEFORE INSERT ON contacts WHEN NEW.value = 'boom@x.example'
                BEGIN SELECT RAISE(ABORT, 'injected failure'); END
                """)
        }
        await #expect(throws: (any Error).self) {
            try await database.importCustomers([good, CustomerImportRow(line: 3, name: "Boom", emails: ["boom@x.example"])])
        }
        #expect(try await database.customer(matching: .email("pat@kettle.example")) == nil)
    }
}
