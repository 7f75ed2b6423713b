import Desk
import Foundation
import GRDB
import Store
import Testing

@Suite struct OutboxTests {
    private func ticket(_ database: AppDatabase) async throws -> Int64 {
        try await database.ingest(Fixtures.whatsapp("SM1"), triage: Fixtures.triage()).ticketID
    }

    @Test func enqueueCommitsMessageOutboxAndLifecycleTogether() async throws {
        let clock = TestClock()
        let (database, _) = try Fixtures.database(clock)
        let id = try await ticket(database)
        let item = try await database.enqueueOutbound(Fixtures.draft(ticket: id), lifecycle: .replied)
        #expect(item.state == .pending)
        #expect(item.attempts == 0)
        #expect(item.nextAttemptAt == clock.now)
        #expect(String(decoding: item.payload, as: UTF8.self) == #"{"to":"+971501234567","body":"x"}"#)
        let message = try #require(try await database.message(id: item.messageID))
        #expect(message.direction == .outbound)
        #expect(message.status == .queued)
        #expect(message.providerID == nil)
        #expect(message.author == "aisha")
        #expect(try await database.ticket(id: id)?.state == .awaitingCustomer)
        #expect(try await database.history(ticketID: id).suffix(2).map(\.kind) == [.queued, .replied])
    }

    @Test func invalidPayloadsAreRefused() async throws {
        let (database, _) = try Fixtures.database()
        let id = try await ticket(database)
        var draft = Fixtures.draft(ticket: id)
        draft.payload = Data("not json".utf8)
        await #expect(throws: StoreError.self) { try await database.enqueueOutbound(draft, lifecycle: nil) }
        #expect(try await database.outboxItems(states: OutboxState.allCases).isEmpty)
    }

    @Test func claimMarksInFlightBeforeReturningAndSentRecordsTheProviderID() async throws {
        let (database, queue) = try Fixtures.database()
        let id = try await ticket(database)
        let queued = try await database.enqueueOutbound(Fixtures.draft(ticket: id), lifecycle: .replied)
        let claimed = try #require(try await database.claimNextOutbox(channel: .whatsapp))
        #expect(claimed.id == queued.id)
        #expect(claimed.state == .inFlight)
        #expect(claimed.attempts == 1)
        // Committed: another connection sees in_flight already.
        #expect(try await queue.read { db in try String.fetchOne(db, sql: "SELECT state FROM outbox") } == "in_flight")
        #expect(try await database.claimNextOutbox(channel: nil) == nil)

        let sent = try await database.recordOutboxResult(id: claimed.id, .sent(providerID: "SMout1"))
        #expect(sent.state == .sent)
        let message = try #require(try await database.message(id: claimed.messageID))
        #expect(message.status == .sent)
        #expect(message.providerID == "SMout1")
        #expect(try await database.history(ticketID: id).last?.kind == .sent)
        // A result for a row that is not in flight is refused.
        await #expect(throws: StoreError.self) { try await database.recordOutboxResult(id: claimed.id, .sent(providerID: "again")) }
    }

    @Test func claimsOnlyDueRowsOfTheChannelAsked() async throws {
        let (database, _) = try Fixtures.database()
        let id = try await ticket(database)
        _ = try await database.enqueueOutbound(Fixtures.draft(ticket: id, channel: .email, messageID: "out@x.example"), lifecycle: nil)
        #expect(try await database.claimNextOutbox(channel: .whatsapp) == nil)
        #expect(try await database.claimNextOutbox(channel: .email)?.channel == .email)
    }

    @Test func retryableFailuresBackOffAndEventuallyFail() async throws {
        let clock = TestClock()
        let backoff = OutboxBackoff(base: .seconds(5), cap: .seconds(60), maxAttempts: 3)
        let (database, _) = try Fixtures.database(clock, backoff: backoff)
        let id = try await ticket(database)
        let queued = try await database.enqueueOutbound(Fixtures.draft(ticket: id), lifecycle: .replied)

        var item = try #require(try await database.claimNextOutbox())
        item = try await database.recordOutboxResult(id: item.id, .retryable(error: "HTTP 503"))
        #expect(item.state == .pending)
        #expect(item.nextAttemptAt == clock.now.addingTimeInterval(5))
        #expect(item.lastError == "HTTP 503")
        #expect(try await database.nextOutboxDue() == clock.now.addingTimeInterval(5))
        #expect(try await database.claimNextOutbox() == nil) // not due yet

        clock.advance(by: 5)
        item = try #require(try await database.claimNextOutbox())
        #expect(item.attempts == 2)
        item = try await database.recordOutboxResult(id: item.id, .retryable(error: "HTTP 429", retryAfter: .seconds(30)))
        #expect(item.nextAttemptAt == clock.now.addingTimeInterval(30))

        clock.advance(by: 30)
        item = try #require(try await database.claimNextOutbox())
        item = try await database.recordOutboxResult(id: item.id, .retryable(error: "connection refused"))
        #expect(item.state == .failed)
        #expect(try await database.message(id: queued.messageID)?.status == .failed)
        #expect(try await database.history(ticketID: id).last?.detail["gave_up"] == "after 3 attempts")
    }

    @Test func permanentFailuresAndUnknownOutcomesAreNotRetried() async throws {
        let (database, _) = try Fixtures.database()
        let id = try await ticket(database)
        _ = try await database.enqueueOutbound(Fixtures.draft(ticket: id, text: "one"), lifecycle: nil)
        _ = try await database.enqueueOutbound(Fixtures.draft(ticket: id, text: "two"), lifecycle: nil)

        let first = try #require(try await database.claimNextOutbox())
        let failed = try await database.recordOutboxResult(id: first.id, .failed(error: "outside the 24-hour window", code: "63016"))
        #expect(failed.state == .failed)
        let failedMessage = try #require(try await database.message(id: first.messageID))
        #expect(failedMessage.status == .failed)
        #expect(failedMessage.errorCode == "63016")

        let second = try #require(try await database.claimNextOutbox())
        let unknown = try await database.recordOutboxResult(id: second.id, .unknown(error: "read timeout"))
        #expect(unknown.state == .unknown)
        #expect(try await database.message(id: second.messageID)?.status == .unknown)

        #expect(try await database.claimNextOutbox() == nil)
        #expect(try await database.outboxItems(states: [.unknown, .failed]).map(\.id) == [first.id, second.id])
    }

    @Test func onlyAPersonCanResendAnUnknownSend() async throws {
        let (database, _) = try Fixtures.database()
        let id = try await ticket(database)
        _ = try await database.enqueueOutbound(Fixtures.draft(ticket: id), lifecycle: nil)
        let item = try #require(try await database.claimNextOutbox())
        _ = try await database.recordOutboxResult(id: item.id, .unknown(error: "reset"))
        #expect(try await database.claimNextOutbox() == nil)

        let resent = try await database.resolveOutbox(id: item.id, decision: .resend, actor: "aisha")
        #expect(resent.state == .pending)
        #expect(try await database.history(ticketID: id).last?.detail["decision"] == "resend")
        let again = try #require(try await database.claimNextOutbox())
        #expect(again.attempts == 2)
        _ = try await database.recordOutboxResult(id: again.id, .unknown(error: "reset"))
        let marked = try await database.resolveOutbox(id: again.id, decision: .markSent(providerID: "SMseen"), actor: "aisha")
        #expect(marked.state == .sent)
        #expect(try await database.message(id: again.messageID)?.providerID == "SMseen")
        await #expect(throws: StoreError.self) { try await database.resolveOutbox(id: again.id, decision: .abandon, actor: "aisha") }
    }

    @Test func deliveryStatusOnlyMovesForward() async throws {
        let (database, _) = try Fixtures.database()
        let id = try await ticket(database)
        _ = try await database.enqueueOutbound(Fixtures.draft(ticket: id), lifecycle: nil)
        let item = try #require(try await database.claimNextOutbox())
        _ = try await database.recordOutboxResult(id: item.id, .sent(providerID: "SMout"))

        #expect(try await database.recordDeliveryStatus(channel: .whatsapp, providerID: "SMout", status: .read)?.status == .read)
        // A late "delivered" or "sent" does not undo "read"; neither does a failure after delivery.
        #expect(try await database.recordDeliveryStatus(channel: .whatsapp, providerID: "SMout", status: .delivered)?.status == .read)
        #expect(try await database.recordDeliveryStatus(channel: .whatsapp, providerID: "SMout", status: .failed, errorCode: "1")?.status == .read)
        #expect(try await database.recordDeliveryStatus(channel: .whatsapp, providerID: "nope", status: .read) == nil)
        #expect(try await database.recordDeliveryStatus(channel: .email, providerID: "SMout", status: .read) == nil)
        #expect(try await database.history(ticketID: id).filter { $0.kind == .read }.count == 1)
    }

    @Test func aFailureCallbackAfterSendIsRecorded() async throws {
        let (database, _) = try Fixtures.database()
        let id = try await ticket(database)
        _ = try await database.enqueueOutbound(Fixtures.draft(ticket: id), lifecycle: nil)
        let item = try #require(try await database.claimNextOutbox())
        _ = try await database.recordOutboxResult(id: item.id, .sent(providerID: "SMout"))
        let failed = try await database.recordDeliveryStatus(channel: .whatsapp, providerID: "SMout", status: .failed, errorCode: "63016")
        #expect(failed?.status == .failed)
        #expect(failed?.errorCode == "63016")
        #expect(try await database.history(ticketID: id).last?.detail["code"] == "63016")
        // A retried "sent" callback arriving after the failure does not hide it.
        let late = try await database.updateDeliveryStatus(channel: .whatsapp, providerID: "SMout", status: .sent)
        #expect(late?.message.status == .failed)
        #expect(late?.changed == false)
    }
}
