import Desk
import Foundation
import GRDB
import Store
import Testing

@Suite struct ThreadingTests {
    /// One customer with two open tickets and one of our emails on each: Pat emailed (ticket a) and
    /// WhatsApped (ticket b) before the CSV said both addresses are Pat, and the import merged them.
    private func twoOpenTickets() async throws -> (AppDatabase, a: Int64, b: Int64) {
        let clock = TestClock()
        let (database, _) = try Fixtures.database(clock)
        let a = try await database.ingest(Fixtures.email("in-1@mail.example", subject: "Kettle"), triage: Fixtures.triage()).ticketID
        _ = try await database.enqueueOutbound(Fixtures.draft(ticket: a, channel: .email, messageID: "<out-a@switchboard.example>"), lifecycle: .replied)
        clock.advance(by: 60)
        let b = try await database.ingest(Fixtures.whatsapp("SM1"), triage: Fixtures.triage()).ticketID
        _ = try await database.enqueueOutbound(Fixtures.draft(ticket: b, channel: .email, messageID: "<out-b@switchboard.example>"), lifecycle: .replied)
        let csv = "name,company,plan,emails,phones,owner,language,notes\nPat,,,pat@kettle.example,+971501234567,,,\n"
        let summary = try await database.importCustomers(try CustomerCSV.parse(csv).rows)
        #expect(summary.merged == 1)
        #expect(a != b)
        let customerA = try await database.ticket(id: a)?.customerID
        let customerB = try await database.ticket(id: b)?.customerID
        #expect(customerA != nil && customerA == customerB)
        return (database, a, b)
    }

    @Test func replyHeaderThenSubjectTagThenOpenTicket() async throws {
        let (database, a, b) = try await twoOpenTickets()
        // b was updated last, so "the open ticket" alone would pick b; the reply header names a.
        let reply = try await database.ingest(
            Fixtures.email("in-2@mail.example", subject: "Re: Kettle [#\(b)]", inReplyTo: "<out-a@switchboard.example>"),
            triage: Fixtures.triage()
        ).receipt
        #expect(reply.ticketID == a)
        #expect(reply.threadedBy == .reply)
        // a is now the most recently updated; without a header the subject tag still picks b.
        let tagged = try await database.ingest(
            Fixtures.email("in-3@mail.example", subject: "Re: Kettle [#\(b)]"), triage: Fixtures.triage()
        ).receipt
        #expect(tagged.ticketID == b)
        #expect(tagged.threadedBy == .subjectTag)
        // With neither, the most recently updated open ticket (b, just written to).
        let plain = try await database.ingest(Fixtures.email("in-4@mail.example", subject: "hello"), triage: Fixtures.triage()).receipt
        #expect(plain.ticketID == b)
        #expect(plain.threadedBy == .openTicket)
        // An unknown Message-ID in the header falls through to the next rule.
        let unknown = try await database.ingest(
            Fixtures.email("in-5@mail.example", subject: "Re: [#\(a)]", inReplyTo: "nobody@nowhere.example"), triage: nil
        ).receipt
        #expect(unknown.ticketID == a)
        #expect(unknown.threadedBy == .subjectTag)
    }

    @Test func referencesAreSearchedNewestFirst() async throws {
        let (database, a, b) = try await twoOpenTickets()
        let reply = try await database.ingest(
            Fixtures.email("in-9@mail.example", references: ["<out-a@switchboard.example>", "<out-b@switchboard.example>"]),
            triage: nil
        ).receipt
        #expect(reply.ticketID == b)
        #expect(reply.threadedBy == .reply)
        let older = try await database.ingest(
            Fixtures.email("in-10@mail.example", references: ["<out-a@switchboard.example>", "<unknown@x.example>"]),
            triage: nil
        ).receipt
        #expect(older.ticketID == a)
    }

    @Test func aSubjectTagForSomeoneElsesTicketIsIgnored() async throws {
        let (database, _) = try Fixtures.database()
        let other = try await database.ingest(Fixtures.email("x@mail.example", from: "someone@else.example"), triage: nil).ticketID
        let mine = try await database.ingest(
            Fixtures.email("y@mail.example", from: "pat@kettle.example", subject: "About [#\(other)]"), triage: nil
        ).receipt
        #expect(mine.ticketID != other)
        #expect(mine.threadedBy == .newTicket)
    }

    @Test func aReplyToOurMessageFromACCdColleagueJoinsTheThread() async throws {
        let (database, _) = try Fixtures.database()
        let ticket = try await database.ingest(Fixtures.email("in-1@mail.example"), triage: nil).ticketID
        _ = try await database.enqueueOutbound(Fixtures.draft(ticket: ticket, channel: .email, messageID: "out-1@switchboard.example"), lifecycle: .replied)
        let colleague = try await database.ingest(
            Fixtures.email("in-2@mail.example", from: "sam@kettle.example", inReplyTo: "out-1@switchboard.example"), triage: nil
        ).receipt
        #expect(colleague.ticketID == ticket)
        #expect(colleague.isNewCustomer)
        #expect(colleague.threadedBy == .reply)
    }

    @Test func customerReplyMovesAnAwaitingTicketBack() async throws {
        let (database, _) = try Fixtures.database()
        let ticket = try await database.ingest(Fixtures.whatsapp("SM1"), triage: Fixtures.triage()).ticketID
        _ = try await database.apply(.claimed(by: "aisha"), toTicket: ticket, actor: "aisha")
        _ = try await database.enqueueOutbound(Fixtures.draft(ticket: ticket), lifecycle: .replied)
        #expect(try await database.ticket(id: ticket)?.state == .awaitingCustomer)
        let reply = try await database.ingest(Fixtures.whatsapp("SM2"), triage: nil).receipt
        #expect(reply.ticketState == .claimed)
        let received = try await database.history(ticketID: ticket).last
        #expect(received?.kind == .received)
        #expect(received?.detail["from"] == "awaiting_customer")
        #expect(received?.detail["to"] == "claimed")
    }

    @Test func aClosedTicketIsReportedNotReopened() async throws {
        let clock = TestClock()
        let (database, _) = try Fixtures.database(clock)
        let first = try await database.ingest(Fixtures.whatsapp("SM1"), triage: Fixtures.triage()).ticketID
        let closed = try await database.apply(.closed(resolution: "replaced"), toTicket: first, actor: "aisha")
        #expect(closed.closedAt == clock.now)
        clock.advance(by: 3600)
        let next = try await database.ingest(Fixtures.whatsapp("SM2", text: "it broke again"), triage: Fixtures.triage()).receipt
        #expect(next.isNewTicket)
        #expect(next.ticketID != first)
        #expect(!next.reopened)
        #expect(next.reopenCandidate == ClosedTicketRef(ticketID: first, closedAt: clock.now.addingTimeInterval(-3600)))
        #expect(try await database.ticket(id: next.ticketID)?.linkedTicketID == first)
        #expect(try await database.ticket(id: first)?.state == .closed)
    }

    @Test func aReopenWindowReopensInTheSameTransaction() async throws {
        let clock = TestClock()
        let (database, _) = try Fixtures.database(clock)
        let first = try await database.ingest(Fixtures.email("in-1@mail.example"), triage: Fixtures.triage()).ticketID
        _ = try await database.enqueueOutbound(Fixtures.draft(ticket: first, channel: .email, messageID: "out-1@switchboard.example"), lifecycle: .closed(resolution: "done"))
        clock.advance(by: 2 * 86_400)

        // An out-of-office never reopens.
        let ooo = try await database.ingest(
            Fixtures.email("in-2@mail.example", inReplyTo: "out-1@switchboard.example", autoReply: true),
            triage: Fixtures.triage(.noAction), reopenWithin: .seconds(7 * 86_400)
        ).receipt
        #expect(!ooo.reopened)
        #expect(ooo.reopenCandidate?.ticketID == first)

        _ = try await database.apply(.closed(), toTicket: ooo.ticketID, actor: TicketEvent.system)
        let reply = try await database.ingest(
            Fixtures.email("in-3@mail.example", inReplyTo: "out-1@switchboard.example"),
            triage: Fixtures.triage(), reopenWithin: .seconds(7 * 86_400)
        ).receipt
        #expect(reply.reopened)
        #expect(reply.ticketID == first)
        #expect(reply.threadedBy == .reply)
        #expect(reply.ticketState == .open)
        let ticket = try #require(try await database.ticket(id: first))
        #expect(ticket.closedAt == nil)
        #expect(try await database.history(ticketID: first).suffix(3).map(\.kind) == [.reopened, .received, .triaged])

        // Outside the window: reported only.
        _ = try await database.apply(.closed(), toTicket: first, actor: "aisha")
        clock.advance(by: 8 * 86_400)
        let late = try await database.ingest(
            Fixtures.email("in-4@mail.example", inReplyTo: "out-1@switchboard.example"),
            triage: Fixtures.triage(), reopenWithin: .seconds(7 * 86_400)
        ).receipt
        #expect(!late.reopened)
        #expect(late.isNewTicket)
        #expect(late.reopenCandidate?.ticketID == first)
    }
}
