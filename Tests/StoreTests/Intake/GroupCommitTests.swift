import Desk
import Foundation
import GRDB
import Store
import Testing

/// One transaction for many messages, a savepoint each; and the rules carried out in the same commit.
@Suite struct GroupCommitTests {
    static let rules = IntakeRules(
        router: TicketRouter(rules: [RoutingRule(name: "routing[0]", isDefault: true, channel: "#support", team: "support")],
                             fallbackChannel: "#support"),
        followUps: FollowUpPolicy(settings: FollowUpSettings()), origin: "serve")

    @Test("a batch commits together, in order; a message that fails alone rolls back alone")
    func savepoints() async throws {
        let (database, queue) = try Fixtures.database()
        // A trigger makes one message's insert fail after its customer and ticket were written.
        try await queue.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_poison BEFORE INSERT ON messages WHEN NEW.text = 'poison'
                BEGIN SELECT RAISE(ABORT, 'poisoned'); END
                """)
        }
        let batch = [
            IngestRequest(message: Fixtures.whatsapp("SM1", from: "+971500000001"), triage: Fixtures.triage()),
            IngestRequest(message: Fixtures.whatsapp("SM2", from: "+971500000002", text: "poison"), triage: Fixtures.triage()),
            IngestRequest(message: Fixtures.whatsapp("SM3", from: "+971500000003"), triage: Fixtures.triage(.billing)),
            IngestRequest(message: Fixtures.whatsapp("SM1", from: "+971500000001"), triage: Fixtures.triage()),
        ]
        let results = try await database.ingest(batch: batch, reopenWithin: nil, rules: Self.rules)
        #expect(results.count == 4)
        let first = try results[0].get(), third = try results[2].get(), fourth = try results[3].get()
        #expect(throws: (any Error).self) { try results[1].get() }
        #expect(first.isDuplicate == false && third.isDuplicate == false)
        #expect(fourth == .duplicate(ticketID: first.ticketID), "a retry inside the same batch is a duplicate")

        let counts = try await queue.read { db in
            try (customers: Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customers")!,
                 tickets: Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets")!,
                 messages: Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages")!)
        }
        #expect(counts.customers == 2, "the poisoned message's new customer was rolled back with it")
        #expect(counts.tickets == 2)
        #expect(counts.messages == 2)
    }

    @Test("with rules, a new ticket is routed, timed and logged in the same commit as its message")
    func routedInTheCommit() async throws {
        let (database, _) = try Fixtures.database()
        let outcome = try await database.ingest(Fixtures.whatsapp("SM1"), triage: Fixtures.triage(.billing), rules: Self.rules)
        let receipt = try outcome.receipt
        guard case .route(let decision, _) = receipt.plan else { Issue.record("no route in \(String(describing: receipt.plan))"); return }
        #expect(decision.channel == "#support")
        #expect(receipt.ticket?.routeChannel == "#support")
        #expect(receipt.customer?.name == "Pat")
        let stored = try #require(try await database.ticket(id: receipt.ticketID))
        #expect(stored.routeChannel == "#support" && stored.routeRule == "routing[0]")
        #expect(try await database.pendingTimers(ticketID: receipt.ticketID).map(\.kind).sorted { $0.rawValue < $1.rawValue }
            == [.firstResponse, .windowReminder])
        let routed = try await database.history(ticketID: receipt.ticketID).filter { $0.kind == .routed }
        #expect(routed.map { $0.detail["intake"] } == ["serve"])

        // The customer writes again: the window warning is replaced, not added.
        _ = try await database.ingest(Fixtures.whatsapp("SM2"), triage: Fixtures.triage(.billing), rules: Self.rules)
        #expect(try await database.pendingTimers(ticketID: receipt.ticketID).filter { $0.kind == .windowReminder }.count == 1)
    }

    @Test("an auto-reply is closed in its commit, unrouted")
    func autoReplyClosed() async throws {
        let (database, _) = try Fixtures.database()
        let outcome = try await database.ingest(Fixtures.email("ooo@example", autoReply: true),
                                                triage: Fixtures.triage(.noAction), rules: Self.rules)
        let receipt = try outcome.receipt
        #expect(receipt.plan == .close(resolution: IntakeRules.automaticClosing))
        #expect(receipt.ticketState == .closed)
        let ticket = try #require(try await database.ticket(id: receipt.ticketID))
        #expect(ticket.state == .closed && ticket.routeChannel == nil)
        #expect(try await database.pendingTimers(ticketID: receipt.ticketID).isEmpty)
    }

    @Test("a desk finds only other intakes' tickets after its mark, and starts after its own last one")
    func routedElsewhere() async throws {
        let (database, _) = try Fixtures.database()
        var piped = Self.rules
        piped.origin = "ingest-email"
        _ = try await database.ingest(Fixtures.whatsapp("SM1", from: "+971500000001"), triage: Fixtures.triage(), rules: Self.rules)
        let mark = try await database.lastEventMark()
        let mail = try await database.ingest(Fixtures.email("m1@example", from: "lin@example.com"), triage: Fixtures.triage(), rules: piped)
        _ = try await database.ingest(Fixtures.whatsapp("SM2", from: "+971500000002"), triage: Fixtures.triage(), rules: Self.rules)
        _ = try await database.route(ticketID: 1, decision: RouteDecision(rule: "agent", channel: "#eng"), actor: "aisha")

        let page = try await database.ticketsRouted(after: mark, byOtherThan: "serve")
        #expect(page.tickets.map(\.ticket.id) == [mail.ticketID], "not serve's own, not an agent's move")
        #expect(page.tickets.first?.message.senderKey == .email("lin@example.com"))
        #expect(page.tickets.first?.decision.channel == "#support")
        #expect(page.nextMark == (try await database.lastEventMark()))
        #expect(try await database.ticketsRouted(after: page.nextMark, byOtherThan: "serve").tickets.isEmpty)

        // serve restarts: it starts after the last ticket it routed itself, so the piped one before it is
        // not posted twice, and one piped after it is.
        let start = try await database.deskStartMark(origin: "serve", notBefore: Date.distantPast)
        #expect(try await database.ticketsRouted(after: start, byOtherThan: "serve").tickets.isEmpty)
        let later = try await database.ingest(Fixtures.email("m2@example", from: "kim@example.com"), triage: Fixtures.triage(), rules: piped)
        #expect(try await database.ticketsRouted(after: start, byOtherThan: "serve").tickets.map(\.ticket.id) == [later.ticketID])
    }

    @Test("tickets an older version left unrouted are routed once, logged for the desk to post")
    func unroutedLeftovers() async throws {
        let (database, _) = try Fixtures.database()
        let old = try await database.ingest(Fixtures.whatsapp("SM1", from: "+971500000001"), triage: Fixtures.triage())
        _ = try await database.ingest(Fixtures.whatsapp("SM2", from: "+971500000002"), triage: Fixtures.triage(), rules: Self.rules)
        var upgrade = Self.rules
        upgrade.origin = "startup"
        #expect(try await database.routeUnroutedTickets(rules: upgrade) == 1)
        #expect(try await database.ticket(id: old.ticketID)?.routeChannel == "#support")
        #expect(try await database.ticketsRouted(after: 0, byOtherThan: "serve").tickets.map(\.ticket.id) == [old.ticketID])
        #expect(try await database.routeUnroutedTickets(rules: upgrade) == 0, "once")
    }
}
