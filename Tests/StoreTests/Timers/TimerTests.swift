import Desk
import Foundation
import Store
import Testing

@Suite struct TimerTests {
    @Test func dueTimersFireOnce() async throws {
        let clock = TestClock()
        let (database, _) = try Fixtures.database(clock)
        let id = try await database.ingest(Fixtures.whatsapp("SM1"), triage: nil).ticketID
        let timer = try await database.scheduleTimer(ticketID: id, kind: .followUp, dueAt: clock.now.addingTimeInterval(3600))
        #expect(try await database.dueTimers().isEmpty)
        #expect(try await database.nextTimerDue() == timer.dueAt)
        clock.advance(by: 3600)
        #expect(try await database.dueTimers().map(\.id) == [timer.id])
        #expect(try await database.markTimerFired(id: timer.id))
        #expect(try await !database.markTimerFired(id: timer.id))
        #expect(try await database.dueTimers().isEmpty)
    }

    @Test func snoozeReplacesTheEarlierSnoozeAndIsLogged() async throws {
        let clock = TestClock()
        let (database, _) = try Fixtures.database(clock)
        let id = try await database.ingest(Fixtures.whatsapp("SM1"), triage: nil).ticketID
        _ = try await database.snooze(ticketID: id, until: clock.now.addingTimeInterval(60), actor: "aisha")
        let second = try await database.snooze(ticketID: id, until: clock.now.addingTimeInterval(7200), actor: "aisha")
        #expect(try await database.pendingTimers(ticketID: id).map(\.id) == [second.id])
        clock.advance(by: 120)
        #expect(try await database.dueTimers().isEmpty)
        let snoozed = try await database.history(ticketID: id).last
        #expect(snoozed?.kind == .snoozed)
        #expect(snoozed?.detail["until"] == Timestamp.rfc3339(second.dueAt))
        #expect(try await database.cancelTimers(ticketID: id) == 1)
        #expect(try await database.pendingTimers(ticketID: id).isEmpty)
    }
}
