import Desk
import Foundation
import GRDB
@testable import Store
import Testing

/// The production setup: a WAL `DatabasePool` in a temporary folder.
@Suite struct OnDiskTests {
    @Test func poolIsWALWithFullSyncAndSurvivesReopening() async throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nested/switchboard.sqlite").path

        let clock = TestClock()
        do {
            let database = try AppDatabase.open(path: path, now: clock.function)
            let (mode, sync) = try await database.writer.writeWithoutTransaction { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
            }
            #expect(mode == "wal")
            #expect(sync == 2) // FULL
            try await database.checkWritable()
            _ = try await database.ingest(Fixtures.whatsapp("SM1"), triage: Fixtures.triage())
        }
        let reopened = try AppDatabase.open(path: path, now: clock.function)
        #expect(try await reopened.ingest(Fixtures.whatsapp("SM1"), triage: nil).isDuplicate)
        #expect(try reopened.exportRows(customerID: nil).count == 1)
    }

    @Test func readOnlyExportWorksWhileAWriterHoldsATransaction() async throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("switchboard.sqlite").path
        let serve = try AppDatabase.open(path: path)
        _ = try await serve.ingest(Fixtures.whatsapp("SM1"), triage: Fixtures.triage())

        // Another connection (think: `ingest-email` mid-commit) holds the write lock with uncommitted rows.
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let busyWriter = try DatabaseQueue(path: path, configuration: config)
        try await busyWriter.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "UPDATE messages SET text = 'uncommitted'")
        }

        let export = try AppDatabase.openReadOnly(path: path)
        let started = Date()
        let rows = try export.exportRows(customerID: nil)
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(rows.map(\.text) == ["my kettle is broken"])
        #expect(rows.first?.providerID == "SM1")

        // Writes through the read-only handle are refused.
        await #expect(throws: DatabaseError.self) { try await export.ingest(Fixtures.whatsapp("SM2"), triage: nil) }

        try await busyWriter.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
        _ = try await serve.ingest(Fixtures.whatsapp("SM2"), triage: nil)
        #expect(try export.exportRows(customerID: nil).count == 2)
    }

    @Test func aLockedDatabaseIsATemporaryFailure() async throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("switchboard.sqlite").path
        let serve = try AppDatabase.open(path: path, busyTimeout: 0.2)

        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: path, configuration: config)
        try await holder.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        let error = await #expect(throws: DatabaseError.self) {
            try await serve.ingest(Fixtures.whatsapp("SM1"), triage: nil)
        }
        #expect(error.map(StoreError.isTemporary) == true)
        await #expect(throws: DatabaseError.self) { try await serve.checkWritable() }
        try await holder.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
        #expect(try await !serve.ingest(Fixtures.whatsapp("SM1"), triage: nil).isDuplicate)
        #expect(!StoreError.isTemporary(StoreError(.ticketNotFound(1))))
    }

    @Test func readOnlyExportWorksWhenServeIsNotRunning() async throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("switchboard.sqlite").path
        do {
            let serve = try AppDatabase.open(path: path)
            _ = try await serve.ingest(Fixtures.whatsapp("SM1"), triage: nil)
        }
        // The last connection closed and checkpointed; the -wal/-shm files may be gone.
        #expect(try AppDatabase.openReadOnly(path: path).exportRows(customerID: nil).count == 1)
    }

    @Test func readOnlyOpenNeedsAnExistingMigratedDatabase() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: StoreError.self) { try AppDatabase.openReadOnly(path: folder.appendingPathComponent("none.sqlite").path) }
        let blank = folder.appendingPathComponent("blank.sqlite").path
        _ = try DatabaseQueue(path: blank)
        #expect(throws: StoreError.self) { try AppDatabase.openReadOnly(path: blank) }
    }

    @Test func inFlightSendsBecomeUnknownAfterARestartAndAreNotResent() async throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("switchboard.sqlite").path
        let clock = TestClock()

        let (ticketID, claimedID, waitingID): (Int64, Int64, Int64)
        do {
            let before = try AppDatabase.open(path: path, now: clock.function)
            ticketID = try await before.ingest(Fixtures.whatsapp("SM1"), triage: Fixtures.triage()).ticketID
            _ = try await before.enqueueOutbound(Fixtures.draft(ticket: ticketID, text: "first"), lifecycle: .replied)
            waitingID = try await before.enqueueOutbound(Fixtures.draft(ticket: ticketID, text: "second"), lifecycle: nil).id
            // The worker claimed the first and then the process died before any result was recorded.
            claimedID = try #require(try await before.claimNextOutbox()).id
        }

        let after = try AppDatabase.open(path: path, now: clock.function)
        let recovered = try await after.recoverInFlightOutbox()
        #expect(recovered.map(\.id) == [claimedID])
        #expect(recovered.first?.state == .unknown)
        #expect(try await after.message(id: recovered[0].messageID)?.status == .unknown)
        #expect(try await after.history(ticketID: ticketID).last?.detail["reason"] == "restart")
        // Recovery is idempotent, and workers only ever get the row that never started.
        #expect(try await after.recoverInFlightOutbox().isEmpty)
        #expect(try await after.claimNextOutbox()?.id == waitingID)
        #expect(try await after.claimNextOutbox() == nil)
        #expect(try await after.outboxItems(states: [.unknown]).map(\.id) == [claimedID])
    }

    @Test func backupCopiesACommittedSnapshot() async throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let serve = try AppDatabase.open(path: folder.appendingPathComponent("live.sqlite").path)
        _ = try await serve.ingest(Fixtures.whatsapp("SM1"), triage: nil)
        let copy = folder.appendingPathComponent("copy.sqlite").path
        try serve.backup(to: copy)
        #expect(try AppDatabase.openReadOnly(path: copy).exportRows(customerID: nil).count == 1)
    }
}
