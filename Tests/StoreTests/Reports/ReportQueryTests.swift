import Desk
import Foundation
import Store
import Testing

/// A known history built through the store's own APIs in real SQLite, at chosen times, then reported
/// on. Every expected figure is worked out by hand in the comments.
@Suite struct ReportQueryTests {
    static let hour: TimeInterval = 3600
    static let day: TimeInterval = 86_400
    /// 2025-06-01T00:00:00Z; the period runs to 2025-06-03T12:00:00Z.
    static let start = Date(timeIntervalSince1970: 1_748_736_000)
    static let end = start.addingTimeInterval(2 * day + 12 * hour)

    struct History {
        var database: AppDatabase
        /// Ticket ids by the scenario's labels.
        var ids: [String: Int64]
    }

    static func reply(_ ticket: Int64, by author: String, channel: Channel) -> OutboundDraft {
        OutboundDraft(ticketID: ticket, channel: channel, text: "Refund issued today; 5 working days to your card.",
                      payload: Data(#"{"body":"x"}"#.utf8), author: author,
                      subject: channel == .email ? "Re: [#\(ticket)]" : nil,
                      emailMessageID: channel == .email ? "reply-\(UUID().uuidString)@desk.example" : nil)
    }

    /// The history, in time order. Labels t1…t12 match the tickets of DeskTests' ReportScenario.
    static func history() async throws -> History {
        let clock = TestClock(start.addingTimeInterval(-10 * day))
        let (database, _) = try Fixtures.database(clock)
        func at(_ offset: TimeInterval) { clock.advance(by: start.addingTimeInterval(offset).timeIntervalSince(clock.now)) }
        func wa(_ n: Int, _ category: Desk.Category?, name: String = "Pat") async throws -> Int64 {
            let message = Fixtures.whatsapp("SM\(n)-\(clock.now.timeIntervalSince1970)", from: "+97150000\(String(format: "%04d", n))", name: name)
            let outcome = try await database.ingest(message, triage: category.map { Fixtures.triage($0) })
            return outcome.ticketID
        }
        func mail(_ n: Int, _ category: Desk.Category?, reopen: Bool = false) async throws -> Int64 {
            let message = Fixtures.email("m\(n)-\(clock.now.timeIntervalSince1970)@x.example", from: "c\(n)@x.example")
            let outcome = try await database.ingest(message, triage: category.map { Fixtures.triage($0) },
                                                    reopenWithin: reopen ? .seconds(7 * 86_400) : nil)
            return outcome.ticketID
        }
        var ids: [String: Int64] = [:]
        _ = try await database.importCustomers([
            CustomerImportRow(name: "Priya Nair", company: "Kettle & Co", plan: "Enterprise", phones: ["+971500000009"]),
        ])

        at(-10 * day); ids["t12"] = try await mail(12, .support)
        at(-9 * day); _ = try await database.apply(.closed(), toTicket: ids["t12"]!, actor: "aisha")
        at(-5 * day); ids["t9"] = try await wa(9, .churnRisk)
        at(-4 * day); _ = try await database.apply(.claimed(by: "aisha"), toTicket: ids["t9"]!, actor: "aisha")
        at(-2 * day); ids["t5"] = try await mail(5, .churnRisk)
        at(-1 * day - 12 * hour); _ = try await database.apply(.closed(), toTicket: ids["t5"]!, actor: "aisha")
        at(-1 * day); _ = try await database.apply(.reopened, toTicket: ids["t5"]!, actor: "aisha")

        at(1 * hour); ids["t1"] = try await wa(1, .support)
        at(1 * hour + 1800); _ = try await database.enqueueOutbound(reply(ids["t1"]!, by: "aisha", channel: .whatsapp))
        at(2 * hour); ids["t2"] = try await mail(2, .billing)
        at(2 * hour + 600); _ = try await database.apply(.claimed(by: "founder"), toTicket: ids["t2"]!, actor: "founder")
        at(3 * hour); ids["t10"] = try await wa(10, .support)
        at(3 * hour + 1800); _ = try await database.apply(.closed(), toTicket: ids["t10"]!, actor: "aisha")
        at(4 * hour); _ = try await database.enqueueOutbound(reply(ids["t1"]!, by: "aisha", channel: .whatsapp))
        at(5 * hour); _ = try await database.apply(.closed(resolution: "fixed"), toTicket: ids["t1"]!, actor: "aisha")
        at(8 * hour); _ = try await database.enqueueOutbound(reply(ids["t2"]!, by: "founder", channel: .email))
        at(10 * hour); _ = try await database.apply(.closed(), toTicket: ids["t5"]!, actor: "aisha")

        at(1 * day); ids["t3"] = try await wa(3, .churnRisk, name: "\u{1B}[2J<b>Omar</b> & \"Sons\"")
        at(1 * day + 60)
        _ = try await database.route(ticketID: ids["t3"]!, decision: RouteDecision(rule: "routing[0]", channel: "#churn", team: "cs", owner: "founder"))
        at(1 * day + 2 * hour); _ = try await database.addNote(ticketID: ids["t3"]!, text: "called them", actor: "aisha")
        at(1 * day + 3 * hour); ids["t4"] = try await mail(4, .noAction)
        _ = try await database.apply(.closed(resolution: "no_action"), toTicket: ids["t4"]!, actor: TicketEvent.system)
        at(1 * day + 5 * hour); ids["t8"] = try await mail(8, .featureRequest)
        at(1 * day + 6 * hour); _ = try await database.enqueueOutbound(reply(ids["t8"]!, by: "aisha", channel: .email))
        at(1 * day + 7 * hour); _ = try await database.apply(.closed(), toTicket: ids["t8"]!, actor: "aisha")
        // The customer writes again: the store reopens the ticket itself.
        at(1 * day + 9 * hour)
        let again = try await mail(8, nil, reopen: true)
        #expect(again == ids["t8"])
        at(2 * day); ids["t6"] = try await wa(6, .bugReport)
        at(2 * day + 300); _ = try await database.apply(.claimed(by: "techlead"), toTicket: ids["t6"]!, actor: "techlead")
        at(2 * day + 1 * hour)
        _ = try await database.enqueueOutbound(reply(ids["t6"]!, by: TicketEvent.system, channel: .whatsapp), lifecycle: nil)
        at(2 * day + 1 * hour + 1); _ = try await database.apply(.closed(), toTicket: ids["t8"]!, actor: "aisha")
        at(2 * day + 10 * hour); ids["t7"] = try await wa(7, .support)
        at(2 * day + 11 * hour); ids["t11"] = try await wa(11, nil)
        // After the period's end.
        at(2 * day + 13 * hour); _ = try await database.enqueueOutbound(reply(ids["t7"]!, by: "aisha", channel: .whatsapp))
        return History(database: database, ids: ids)
    }

    @Test func figuresMatchTheHandComputedHistory() async throws {
        let history = try await Self.history()
        let ids = history.ids
        let settings = ReportSettings(period: DateInterval(start: Self.start, end: Self.end), sla: ResponseSLA(target: .seconds(4 * 3600)))
        let report = try await history.database.report(settings)

        // Opened in the period: t1, t2, t3, t4, t6, t7, t8, t10, t11. Closed in it: t1, t4, t5, t8, t10.
        // Open at the end: t2, t3, t6, t7, t9, t11.
        #expect(report.opened == 9)
        #expect(report.closed == 5)
        #expect(report.openNow == 6)

        let day1 = Self.start, day2 = Self.start.addingTimeInterval(Self.day), day3 = Self.start.addingTimeInterval(2 * Self.day)
        #expect(report.volume.days == [day1, day2, day3])
        #expect(report.volume.counts == [
            .init(day: day1, category: .support, channel: .whatsapp): 2,
            .init(day: day1, category: .billing, channel: .email): 1,
            .init(day: day2, category: .churnRisk, channel: .whatsapp): 1,
            .init(day: day2, category: .noAction, channel: .email): 1,
            .init(day: day2, category: .featureRequest, channel: .email): 1,
            .init(day: day3, category: .bugReport, channel: .whatsapp): 1,
            .init(day: day3, category: .support, channel: .whatsapp): 1,
            .init(day: day3, category: nil, channel: .whatsapp): 1,
        ])

        // Human first replies: t1 30m, t2 6h, t8 1h → p50 1h (rank 2 of 3), p90 6h (rank 3).
        #expect(report.firstResponse == DurationSummary(count: 3, p50: Self.hour, p90: 6 * Self.hour))
        // t3, t6 (a system message only), t7 (answered after the end), t11.
        #expect(report.unanswered == 4)
        // t10 30m, t1 4h, t8 20h 1s (last close), t5 2d 10h → p50 4h (rank 2), p90 2d 10h (rank 4).
        #expect(report.resolution == DurationSummary(count: 4, p50: 4 * Self.hour, p90: 2 * Self.day + 10 * Self.hour))

        // Met t1, t8; late t2; missed t3, t6; pending t7, t11; t10 closed unanswered in time.
        #expect(report.sla == SLASummary(target: .seconds(4 * 3600), met: 2, late: 1, missed: 2, pending: 2,
                                         breached: [ids["t2"]!, ids["t3"]!, ids["t6"]!].sorted()))
        // Closed work tickets t1, t5, t8, t10; t5 and t8 were reopened.
        #expect(report.reopen == ReopenSummary(closed: 4, reopened: 2))

        #expect(report.backlog == [
            BacklogEntry(owner: "founder", count: 2, held: 1, oldestCreatedAt: Self.start.addingTimeInterval(2 * Self.hour)),
            BacklogEntry(owner: "aisha", count: 1, held: 1, oldestCreatedAt: Self.start.addingTimeInterval(-5 * Self.day)),
            BacklogEntry(owner: "techlead", count: 1, held: 1, oldestCreatedAt: Self.start.addingTimeInterval(2 * Self.day)),
            BacklogEntry(owner: nil, count: 2, held: 0, oldestCreatedAt: Self.start.addingTimeInterval(2 * Self.day + 10 * Self.hour)),
        ])

        #expect(report.churn.open.map(\.ticketID) == [ids["t9"]!, ids["t3"]!])
        let priya = report.churn.open[0]
        #expect(priya.displayName == "Kettle & Co (Enterprise)")
        #expect(priya.customerName == "Priya Nair")
        #expect(priya.lastAction?.kind == .claimed && priya.lastAction?.actor == "aisha")
        let omar = report.churn.open[1]
        #expect(omar.customerName == "\u{1B}[2J<b>Omar</b> & \"Sons\"")
        #expect(omar.owner == "founder")
        #expect(omar.lastAction?.kind == .noted && omar.lastAction?.at == Self.start.addingTimeInterval(Self.day + 2 * Self.hour))
        #expect(report.churn.opened == 1)
        #expect(report.churn.closed == 1)
    }

    @Test func onlyRowsThatCanMatterAreLoaded() async throws {
        let history = try await Self.history()
        let ids = history.ids
        let input = try history.database.reportInput(period: DateInterval(start: Self.start, end: Self.end))
        // t12 was opened and closed before the period: not loaded.
        #expect(Set(input.tickets.map(\.id)) == Set(["t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11"].map { ids[$0]! }))
        // One row per answered ticket: its first human reply (t1 had two; t7's came after the end).
        #expect(input.messages.map(\.ticketID).sorted() == [ids["t1"]!, ids["t2"]!, ids["t8"]!].sorted())
        #expect(input.messages.first { $0.ticketID == ids["t1"]! }?.at == Self.start.addingTimeInterval(Self.hour + 1800))
        // The period's six closes, the reopens of t5 and t8, and the last event of t9 and t3.
        #expect(input.events.count { $0.kind == .closed } == 6)
        #expect(input.events.count { $0.kind == .reopened } == 2)
        #expect(input.events.count == 10)
        // Names only for the open churn risks' customers.
        #expect(input.customers.map(\.name).sorted() == ["Priya Nair", "\u{1B}[2J<b>Omar</b> & \"Sons\""].sorted())
    }
}
