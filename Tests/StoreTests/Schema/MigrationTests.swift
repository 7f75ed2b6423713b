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
            #expect(try AppDatabase.migrator.appliedIdentifiers(db) == ["v1", "kb-v1", "retention-v1", "sts-v1"])
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
