import Desk
import Foundation
import GRDB
import Store
import Testing

/// Retention on a known history in real SQLite: which rows go, which stay, and what the run leaves
/// behind.
@Suite struct RetentionTests {
    static let day: TimeInterval = 86_400
    static let year: Duration = .seconds(365 * 86_400)
    /// Strings only the erased conversations hold; none may survive anywhere but the customer records.
    static let erasedTexts = ["1 Kettle St", "Dear Pat", "called from the airport", "refunded the card", "wamid.W1", "Kettle refund"]

    /// Tickets by label, with the clock at "now": 400 days after the old ones.
    struct History {
        var database: AppDatabase
        var queue: DatabaseQueue
        var clock: TestClock
        var ids: [String: Int64]
        var start: Date
    }

    /// The history, in time order. Old (day 0): A (email, closed, with a correction, a draft, a note and
    /// a sent reply), W (WhatsApp, closed, reply sent and read), B (open), C (closed, its closing
    /// confirmation still pending), F (closed; reopened and closed again two days ago) and N (closed; a
    /// note ten days ago). Recent: D (opened and closed yesterday).
    static func history() async throws -> History {
        let clock = TestClock()
        let start = clock.now
        let (database, queue) = try Fixtures.database(clock)
        var ids: [String: Int64] = [:]
        func wa(_ label: String, _ phone: String, _ text: String, name: String) async throws {
            ids[label] = try await database.ingest(Fixtures.whatsapp("SM-\(label)", from: phone, text: text, name: name),
                                                   triage: Fixtures.triage(.support, lang: "en")).ticketID
        }

        let a = try await database.ingest(
            Fixtures.email("a1@kettle.example", subject: "Kettle refund", text: "my address is 1 Kettle St"),
            triage: Fixtures.triage(.support, urgency: .high)).receipt
        ids["A"] = a.ticketID
        _ = try await database.retag(ticketID: a.ticketID, category: .billing, actor: "aisha")
        _ = try await database.appendEvent(ticketID: a.ticketID, actor: "aisha", kind: .drafted, detail: ["text": "Dear Pat, sorry", "lang": "en"])
        _ = try await database.addNote(ticketID: a.ticketID, text: "Pat called from the airport", actor: "aisha")
        clock.advance(by: 1800)
        _ = try await database.enqueueOutbound(Fixtures.draft(ticket: a.ticketID, channel: .email, text: "Dear Pat, refunded.", messageID: "<out-a@desk.example>"))
        let sentA = try #require(try await database.claimNextOutbox(channel: .email))
        _ = try await database.recordOutboxResult(id: sentA.id, .sent(providerID: nil))

        try await wa("W", "+971500000004", "the lid of my kettle is loose", name: "Wu")
        _ = try await database.enqueueOutbound(Fixtures.draft(ticket: ids["W"]!, text: "We'll send a new lid."))
        let sentW = try #require(try await database.claimNextOutbox(channel: .whatsapp))
        _ = try await database.recordOutboxResult(id: sentW.id, .sent(providerID: "wamid.W1"))
        _ = try await database.recordDeliveryStatus(channel: .whatsapp, providerID: "wamid.W1", status: .read)

        try await wa("B", "+971500000002", "still waiting for my kettle", name: "Bo")
        _ = try await database.retag(ticketID: ids["B"]!, category: .bugReport, actor: "aisha")
        try await wa("C", "+971500000003", "please close my account", name: "Lee")
        _ = try await database.enqueueOutbound(Fixtures.draft(ticket: ids["C"]!, text: "Closed as asked."), lifecycle: .closed(resolution: nil))
        try await wa("F", "+971500000005", "the plug sparks", name: "Fay")
        try await wa("N", "+971500000006", "kettle whistles", name: "Nia")
        clock.advance(by: 1800)
        _ = try await database.apply(.closed(resolution: "refunded the card"), toTicket: a.ticketID, actor: "aisha")
        for label in ["W", "F", "N"] { _ = try await database.apply(.closed(), toTicket: ids[label]!, actor: "aisha") }

        clock.advance(by: 390 * day)
        _ = try await database.addNote(ticketID: ids["N"]!, text: "asked about it again by phone", actor: "aisha")
        clock.advance(by: 8 * day)
        _ = try await database.apply(.reopened, toTicket: ids["F"]!, actor: "aisha")
        clock.advance(by: day)
        _ = try await database.apply(.closed(), toTicket: ids["F"]!, actor: "aisha")
        try await wa("D", "+971500000007", "thanks, all good", name: "Dee")
        _ = try await database.apply(.closed(), toTicket: ids["D"]!, actor: "aisha")
        clock.advance(by: day)
        return History(database: database, queue: queue, clock: clock, ids: ids, start: start)
    }

    /// Every row of every table, to show what a run did or did not change.
    static func snapshot(_ queue: DatabaseQueue) throws -> [String: [Row]] {
        try queue.read { db in
            var tables: [String: [Row]] = [:]
            for table in ["customers", "contacts", "tickets", "messages", "events", "outbox", "corrections", "timers"] {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id")
            }
            return tables
        }
    }

    static func reports(_ history: History) async throws -> [DeskReport] {
        let oldPeriod = DateInterval(start: history.start.addingTimeInterval(-day), end: history.start.addingTimeInterval(30 * day))
        let everything = DateInterval(start: history.start.addingTimeInterval(-day), end: history.clock.now)
        return [
            try await history.database.report(ReportSettings(period: oldPeriod)),
            try await history.database.report(ReportSettings(period: everything)),
        ]
    }

    @Test("exactly the old closed tickets' conversations go; the rows reports need stay")
    func erasesOnlyWhatExpired() async throws {
        let history = try await Self.history()
        let database = history.database, ids = history.ids
        let before = try Self.snapshot(history.queue)
        let reportsBefore = try await Self.reports(history)
        let exportBefore = try database.exportRows(customerID: nil)
        var ticketsBefore: [String: Ticket] = [:], eventsBefore: [String: [TicketEvent]] = [:], messagesBefore: [String: [Message]] = [:]
        for (label, id) in ids {
            ticketsBefore[label] = try await database.ticket(id: id)
            eventsBefore[label] = try await database.history(ticketID: id)
            messagesBefore[label] = try await database.messages(ticketID: id)
        }

        let summary = try await database.eraseExpiredMessages(olderThan: Self.year)

        #expect(summary.cutoff == history.clock.now.addingTimeInterval(-365 * Self.day))
        #expect(summary.tickets == 2, "A and W")
        #expect(summary.messages == 4, "one inbound and one reply each")
        #expect(summary.outbox == 2)
        #expect(summary.corrections == 1, "A's retag copied its message; B's stays")
        #expect(summary.redactedEvents == 5, "A's draft, note and resolution; W's sent and read provider ids")
        #expect(summary.waitingOnSends == 1, "C's confirmation is still pending")

        for label in ["A", "W"] {
            let id = ids[label]!
            #expect(try await database.messages(ticketID: id).isEmpty)
            let ticket = try #require(try await database.ticket(id: id))
            var expected = ticketsBefore[label]!
            expected.subject = nil
            expected.resolution = nil
            #expect(ticket == expected, "the row keeps its category, urgency, language and times")
            let events = try await database.history(ticketID: id)
            let old = eventsBefore[label]!
            #expect(events.map(\.id) == old.map(\.id))
            #expect(events.map(\.kind) == old.map(\.kind))
            #expect(events.map(\.at) == old.map(\.at))
            #expect(events.map(\.actor) == old.map(\.actor))
            for (event, earlier) in zip(events, old) {
                var stripped = earlier.detail
                for key in ["text", "resolution", "error", "provider_id"] { stripped[key] = nil }
                #expect(event.detail == stripped)
            }
        }
        #expect(ticketsBefore["A"]?.subject == "Kettle refund" && ticketsBefore["A"]?.resolution == "refunded the card")
        for label in ["B", "C", "F", "N", "D"] {
            let id = ids[label]!
            #expect(try await database.ticket(id: id) == ticketsBefore[label], "\(label) untouched")
            #expect(try await database.history(ticketID: id) == eventsBefore[label], "\(label) untouched")
            #expect(try await database.messages(ticketID: id) == messagesBefore[label], "\(label) untouched")
            #expect(messagesBefore[label]?.isEmpty == false)
        }
        let after = try Self.snapshot(history.queue)
        #expect(after["customers"] == before["customers"] && after["contacts"] == before["contacts"] && after["timers"] == before["timers"])
        let outboxTickets = after["outbox"]!.map { $0["ticket_id"] as Int64 }
        #expect(outboxTickets == [ids["C"]!], "only the pending send is left")
        #expect(after["corrections"]!.map { $0["ticket_id"] as Int64? } == [ids["B"]!])

        let dump = after.filter { $0.key != "customers" && $0.key != "contacts" }.values.flatMap { $0 }.map(\.description).joined(separator: "\n")
        for text in Self.erasedTexts { #expect(!dump.contains(text), "\(text) survived") }

        // Export no longer shows them; everything else is as it was.
        let erased = Set([ids["A"]!, ids["W"]!])
        #expect(try database.exportRows(customerID: nil) == exportBefore.filter { !erased.contains($0.ticket) })
        #expect(try database.exportRows(customerID: ticketsBefore["A"]!.customerID).isEmpty)

        // Field by field, so a failure says which figure moved.
        for (after, before) in zip(try await Self.reports(history), reportsBefore) {
            #expect(after.opened == before.opened && after.closed == before.closed && after.openNow == before.openNow)
            #expect(after.firstResponse == before.firstResponse)
            #expect(after.sla == before.sla)
            #expect(after.unanswered == before.unanswered && after.resolution == before.resolution && after.reopen == before.reopen)
            #expect(after.backlog == before.backlog && after.churn == before.churn)
            #expect(after.volume == before.volume)
        }
        #expect(reportsBefore[0].firstResponse.count == 3, "A, W and C were answered by a person: \(reportsBefore[0].firstResponse)")
        #expect(reportsBefore[0].opened == 6 && reportsBefore[0].closed == 5)
    }

    @Test("the run leaves one audit event with counts and nothing personal")
    func auditEvent() async throws {
        let history = try await Self.history()
        let summary = try await history.database.eraseExpiredMessages(olderThan: Self.year, actor: "operator")
        let audits = try history.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT ticket_id, actor, detail, at FROM events WHERE kind = 'retention'")
        }
        #expect(audits.count == 1)
        let audit = try #require(audits.first)
        #expect((audit["ticket_id"] as Int64?) == nil)
        #expect((audit["actor"] as String) == "operator")
        let detail = try JSONDecoder().decode([String: String].self, from: Data((audit["detail"] as String).utf8))
        #expect(detail == [
            "cutoff": Timestamp.rfc3339(summary.cutoff), "tickets": "2", "messages": "4", "outbox": "2", "corrections": "1",
            "redacted_events": "5",
        ])
        for (key, value) in detail where key != "cutoff" { #expect(Int(value) != nil, "\(key) is a count") }
        let text = audit["detail"] as String
        for personal in ["Pat", "pat@kettle.example", "+9715", "Wu", "Kettle"] + Self.erasedTexts {
            #expect(!text.contains(personal), "\(personal) in the audit event")
        }
    }

    @Test("a second run erases nothing and logs nothing")
    func idempotent() async throws {
        let history = try await Self.history()
        _ = try await history.database.eraseExpiredMessages(olderThan: Self.year)
        let once = try Self.snapshot(history.queue)
        let again = try await history.database.eraseExpiredMessages(olderThan: Self.year)
        #expect(again.tickets == 0 && again.messages == 0 && again.outbox == 0 && again.corrections == 0 && again.redactedEvents == 0)
        #expect(again.isEmpty)
        #expect(again.waitingOnSends == 1)
        #expect(try Self.snapshot(history.queue) == once)
    }

    @Test("in batches the run erases the same, with one event per batch")
    func batches() async throws {
        let whole = try await Self.history()
        let inOne = try await whole.database.eraseExpiredMessages(olderThan: Self.year)
        let split = try await Self.history()
        let inTwo = try await split.database.eraseExpiredMessages(olderThan: Self.year, batchSize: 1)
        #expect(inTwo == inOne)
        let logged: [String] = try await split.queue.read { db in
            try String.fetchAll(db, sql: "SELECT detail FROM events WHERE kind = 'retention' ORDER BY id")
        }
        let details = try logged.map { try JSONDecoder().decode([String: String].self, from: Data($0.utf8)) }
        #expect(details.map { $0["tickets"] } == ["1", "1"])
        #expect(details.compactMap { $0["messages"].flatMap(Int.init) }.reduce(0, +) == inOne.messages)
        #expect(try Self.snapshot(split.queue)["messages"] == Self.snapshot(whole.queue)["messages"])
    }

    @Test("a dry run counts exactly what the run then erases, and changes nothing")
    func dryRun() async throws {
        let history = try await Self.history()
        let before = try Self.snapshot(history.queue)
        let planned = try await history.database.expiredMessages(olderThan: Self.year)
        #expect(try Self.snapshot(history.queue) == before)
        let erased = try await history.database.eraseExpiredMessages(olderThan: Self.year)
        #expect(planned == erased)
        #expect(planned.tickets == 2)
    }

    @Test("a ticket held back by a pending send goes once the send settles and the cutoff passes it")
    func pendingSendSettles() async throws {
        let history = try await Self.history()
        let database = history.database, c = history.ids["C"]!
        _ = try await database.eraseExpiredMessages(olderThan: Self.year)
        let pending = try #require(try await database.claimNextOutbox(channel: .whatsapp))
        #expect(pending.ticketID == c)
        _ = try await database.recordOutboxResult(id: pending.id, .failed(error: "63016 outside the window for +971500000003", code: "63016"))
        #expect(try await database.eraseExpiredMessages(olderThan: Self.year).isEmpty, "the failure is new activity")
        #expect(try await database.messages(ticketID: c).count == 2)

        history.clock.advance(by: 366 * Self.day)
        let later = try await database.eraseExpiredMessages(olderThan: Self.year)
        #expect(later.tickets == 4 && later.waitingOnSends == 0, "C, and D, F and N, which have aged past the cutoff too")
        #expect(try await database.messages(ticketID: c).isEmpty)
        let failed = try #require(try await database.history(ticketID: c).last { $0.kind == .failed })
        #expect(failed.detail["error"] == nil && failed.detail["code"] == "63016")
    }
}
