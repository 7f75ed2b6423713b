import Desk
import Foundation
import Store
import Testing

@Suite struct TicketOperationTests {
    @Test func lifecycleStepsAreAppliedAndLogged() async throws {
        let clock = TestClock()
        let (database, _) = try Fixtures.database(clock)
        let id = try await database.ingest(Fixtures.whatsapp("SM1"), triage: Fixtures.triage()).ticketID

        let claimed = try await database.apply(.claimed(by: "aisha"), toTicket: id, actor: "aisha")
        #expect(claimed.state == .claimed)
        #expect(claimed.owner == "aisha")
        let unclaimed = try await database.apply(.unclaimed, toTicket: id, actor: "aisha")
        #expect(unclaimed.owner == nil)
        #expect(unclaimed.state == .open)
        let assigned = try await database.apply(.assigned(to: "techlead"), toTicket: id, actor: "founder")
        #expect(assigned.owner == "techlead")
        clock.advance(by: 10)
        let closed = try await database.apply(.closed(resolution: "sent a new kettle"), toTicket: id, actor: "techlead")
        #expect(closed.state == .closed)
        #expect(closed.closedAt == clock.now)
        #expect(closed.resolution == "sent a new kettle")
        let reopened = try await database.apply(.reopened, toTicket: id, actor: "aisha")
        #expect(reopened.state == .open)
        #expect(reopened.closedAt == nil)
        #expect(reopened.resolution == nil)

        let history = try await database.history(ticketID: id)
        #expect(history.map(\.kind.rawValue) == ["received", "triaged", "claimed", "unclaimed", "assigned", "closed", "reopened"])
        #expect(history[2].actor == "aisha")
        #expect(history[4].detail == ["from": "open", "to": "claimed", "owner": "techlead"])
        #expect(history[5].detail["resolution"] == "sent a new kettle")
    }

    @Test func refusedStepsChangeNothing() async throws {
        let (database, _) = try Fixtures.database()
        let id = try await database.ingest(Fixtures.whatsapp("SM1"), triage: Fixtures.triage()).ticketID
        _ = try await database.apply(.closed(), toTicket: id, actor: "aisha")
        let before = try await database.history(ticketID: id)
        let error = await #expect(throws: LifecycleError.self) {
            try await database.apply(.claimed(by: "aisha"), toTicket: id, actor: "aisha")
        }
        #expect(error?.reason == "#\(id) is closed; reopen it first")
        #expect(try await database.history(ticketID: id) == before)
        #expect(try await database.ticket(id: id)?.state == .closed)
        await #expect(throws: LifecycleError.self) {
            try await database.enqueueOutbound(Fixtures.draft(ticket: id), lifecycle: .replied)
        }
        #expect(try await database.messages(ticketID: id).count == 1)
    }

    @Test func unknownTicketsAreNotFound() async throws {
        let (database, _) = try Fixtures.database()
        let error = await #expect(throws: StoreError.self) {
            try await database.apply(.claimed(by: "aisha"), toTicket: 999, actor: "aisha")
        }
        #expect(error?.isNotFound == true)
        #expect(error?.description == "there is no ticket #999")
        #expect(try await database.ticket(id: 999) == nil)
    }

    @Test func routingIsRecordedAndDrivesTheMineQueue() async throws {
        let (database, _) = try Fixtures.database()
        let billing = try await database.ingest(Fixtures.whatsapp("SM1"), triage: Fixtures.triage(.billing)).ticketID
        let bug = try await database.ingest(Fixtures.email("m1@x.example", from: "sam@x.example"), triage: Fixtures.triage(.bugReport, urgency: .high)).ticketID
        let routed = try await database.route(ticketID: billing, decision: RouteDecision(rule: "routing[1]", channel: "#finance", team: "finance", owner: "founder"))
        #expect(routed.routeChannel == "#finance")
        #expect(routed.routedOwner == "founder")
        #expect(routed.owner == nil)
        _ = try await database.route(ticketID: bug, decision: RouteDecision(rule: "routing[2]", channel: "#eng", team: "eng", owner: "techlead", cc: ["#support"]))
        let routedEvent = try await database.history(ticketID: bug).last
        #expect(routedEvent?.kind == .routed)
        #expect(routedEvent?.detail == ["rule": "routing[2]", "channel": "#eng", "team": "eng", "owner": "techlead", "cc": "#support"])

        #expect(try await database.queue(.mine(account: "founder")).map(\.ticket.id) == [billing])
        // Claiming moves it to the claimant's queue; unclaiming gives it back to the routed owner.
        _ = try await database.apply(.claimed(by: "aisha"), toTicket: billing, actor: "aisha")
        #expect(try await database.queue(.mine(account: "founder")).isEmpty)
        #expect(try await database.queue(.mine(account: "aisha")).map(\.ticket.id) == [billing])
        _ = try await database.apply(.unclaimed, toTicket: billing, actor: "aisha")
        #expect(try await database.queue(.mine(account: "founder")).map(\.ticket.id) == [billing])

        // High urgency first; categories and teams filter; closed tickets leave the queue.
        let all = try await database.queue(.all)
        #expect(all.map(\.ticket.id) == [bug, billing])
        #expect(all.first?.customerName == "Pat Doe")
        #expect(all.first?.messageCount == 1)
        #expect(all.first?.lastInboundText == "hello")
        #expect(try await database.queue(.category(.billing)).map(\.ticket.id) == [billing])
        #expect(try await database.queue(.team("eng")).map(\.ticket.id) == [bug])
        #expect(try await database.queue(.all, limit: 1, offset: 1).map(\.ticket.id) == [billing])
        _ = try await database.apply(.closed(), toTicket: bug, actor: "techlead")
        #expect(try await database.queue(.all).map(\.ticket.id) == [billing])
    }

    @Test func retagRecordsACorrectionWithTheCustomersText() async throws {
        let (database, _) = try Fixtures.database()
        let id = try await database.ingest(Fixtures.whatsapp("SM1", text: "cancel my plan please"), triage: Fixtures.triage(.support, lang: "en")).ticketID
        let ticket = try await database.retag(ticketID: id, category: .churnRisk, actor: "aisha")
        #expect(ticket.category == .churnRisk)
        let corrections = try await database.corrections()
        #expect(corrections.count == 1)
        #expect(corrections.first?.text == "cancel my plan please")
        #expect(corrections.first?.category == .churnRisk)
        #expect(corrections.first?.lang == "en")
        #expect(corrections.first?.channel == .whatsapp)
        #expect(corrections.first?.actor == "aisha")
        #expect(try await database.history(ticketID: id).last?.detail == ["from": "support", "to": "churn_risk"])
        // A new message keeps the corrected category.
        _ = try await database.ingest(Fixtures.whatsapp("SM2"), triage: Fixtures.triage(.support))
        #expect(try await database.ticket(id: id)?.category == .churnRisk)
    }

    @Test func correctionsCanBeRecordedAndListedSince() async throws {
        let clock = TestClock()
        let (database, _) = try Fixtures.database(clock)
        _ = try await database.recordCorrection(text: "ok thanks", category: .noAction, lang: "en", channel: .whatsapp, actor: "aisha")
        let cut = clock.now
        clock.advance(by: 1)
        _ = try await database.recordCorrection(text: "شكرا", category: .noAction, lang: "ar", channel: nil, actor: "aisha")
        #expect(try await database.corrections().count == 2)
        #expect(try await database.corrections(since: cut).map(\.text) == ["شكرا"])
    }

    @Test func notesUrgencyAndCustomEvents() async throws {
        let (database, _) = try Fixtures.database()
        let id = try await database.ingest(Fixtures.whatsapp("SM1"), triage: Fixtures.triage()).ticketID
        let note = try await database.addNote(ticketID: id, text: "called them", actor: "aisha")
        #expect(note.kind == .noted)
        #expect(note.detail["text"] == "called them")
        #expect(try await database.setUrgency(ticketID: id, urgency: .high, actor: "aisha").urgency == .high)
        _ = try await database.appendEvent(ticketID: id, actor: "aisha", kind: .drafted, detail: ["kb": "refunds.md"])
        #expect(try await database.history(ticketID: id).suffix(3).map(\.kind) == [.noted, .urgent, .drafted])
        await #expect(throws: StoreError.self) { try await database.addNote(ticketID: 404, text: "x", actor: "aisha") }
    }
}
