import Desk
import Foundation
import GRDB
@testable import Store
import Testing

@Suite struct MigrationTests {
    @Test func createsEveryTableOnce() throws {
        let (_, queue) = try Fixtures.database()
        try queue.read { (db: Database) throws in
            for table in ["customers", "contacts", "tickets", "messages", "events", "outbox", "corrections", "timers",
                          "kb_articles", "kb_words", "kb_trigrams", "kb_meta", "sts_policies"] {
                #expect(try db.tableExists(table), "missing \(table)")
            }
            #expect(try !db.tableExists("kb"))
            #expect(try AppDatabase.migrator.appliedIdentifiers(db) == ["v1", "kb-v1", "retention-v1", "identity-v1", "sts-v1"])
            #expect(try AppDatabase.migrator.hasCompletedMigrations(db))
        }
        // Running the migrator again is a no-op.
        _ = try AppDatabase(queue)
    }

    @Test func providerIDIsUniquePerChannelAndDirection() throws {
        let (_, queue) = try Fixtures.database()
        try queue.read { (db: Database) throws in
            let indexes = try db.indexes(on: "messages")
            let unique = indexes.first { $0.name == "messages_provider_id" }
            #expect(unique?.isUnique == true)
            #expect(unique?.columns == ["channel", "direction", "provider_id"])
        }
    }

    @Test("identity-v1 keeps existing data: messages get their ticket's customer and sender, and a redelivery is still a duplicate")
    func identityMigrationKeepsData() async throws {
        let queue = try DatabaseQueue(configuration: AppDatabase.makeConfiguration())
        try AppDatabase.migrator.migrate(queue, upTo: "retention-v1")
        let at = "2026-11-01 09:00:00.000"
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO customers (id, name, created_at, updated_at) VALUES (1, 'Pat', ?, ?)", arguments: [at, at])
            try db.execute(sql: "INSERT INTO contacts (customer_id, kind, value, created_at) VALUES (1, 'email', 'pat@kettle.example', ?)", arguments: [at])
            try db.execute(sql: "INSERT INTO tickets (id, customer_id, state, channel, created_at, updated_at) VALUES (7, 1, 'open', 'email', ?, ?)",
                           arguments: [at, at])
            try db.execute(sql: """
                INSERT INTO messages (ticket_id, direction, channel, provider_id, email_message_id, text, status, received_at)
                VALUES (7, 'in', 'email', 'pat-1@kettle.example', 'pat-1@kettle.example', 'my kettle', 'received', ?),
                       (7, 'out', 'email', 'reply-1@switchboard', 'reply-1@switchboard', 'on its way', 'sent', ?)
                """, arguments: [at, at])
        }
        let database = try AppDatabase(queue)
        let messages = try await database.messages(ticketID: 7)
        #expect(messages.map(\.text) == ["my kettle", "on its way"], "no message lost")
        #expect(messages.map(\.customerID) == [1, 1])
        #expect(messages.map(\.sender) == ["pat@kettle.example", nil])
        #expect(try await database.ingest(Fixtures.email("pat-1@kettle.example"), triage: nil).isDuplicate, "Pat's redelivery")
        let stranger = try await database.ingest(Fixtures.email("pat-1@kettle.example", from: "x@evil.example"), triage: nil)
        #expect(!stranger.isDuplicate, "another sender's copy of the id is its own message")
        #expect(stranger.ticketID != 7)
        #expect(try database.exportRows(customerID: 1).count == 2)
    }

    @Test func constraintsRejectUnknownStates() async throws {
        let (database, queue) = try Fixtures.database()
        let ticket = try await database.ingest(Fixtures.whatsapp("SM1"), triage: nil).ticketID
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "UPDATE tickets SET state = 'snoozed' WHERE id = ?", arguments: [ticket]) }
        }
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "UPDATE tickets SET category = 'spam' WHERE id = ?", arguments: [ticket]) }
        }
        // A closed ticket must have a closing time, and only a closed one.
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "UPDATE tickets SET state = 'closed' WHERE id = ?", arguments: [ticket]) }
        }
    }

    @Test func theEventLogIsAppendOnly() async throws {
        let (database, queue) = try Fixtures.database()
        let ticket = try await database.ingest(Fixtures.whatsapp("SM1"), triage: nil).ticketID
        let update = #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "UPDATE events SET actor = 'mallory'") }
        }
        #expect(update?.message == "events are append-only")
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "DELETE FROM events") }
        }
        #expect(try await database.history(ticketID: ticket).count == 1)
    }
}
