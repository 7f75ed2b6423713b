public import Desk
public import Foundation
import GRDB

extension AppDatabase {
    /// The event log's newest id: where a desk starts reading for other intakes' tickets, so a restart
    /// does not post old cards again.
    public func lastEventMark() async throws -> Int64 {
        try await reader.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM events") ?? 0 }
    }

    /// Tickets routed after `mark` by an intake other than `origin`, oldest first.
    ///
    /// Reads forward from the mark by primary key (events are append-only, their ids never reused, and
    /// a transaction's ids are visible only with its commit), so each call costs what was logged since
    /// the last one, not a scan of the tickets table. Routes logged without an intake (an agent moving a
    /// ticket) are not new tickets and are skipped.
    public func ticketsRouted(after mark: Int64, byOtherThan origin: String, limit: Int = 200) async throws -> RoutedTicketsPage {
        try await reader.read { db in
            let events = try EventRecord
                .filter(EventRecord.Columns.id > mark)
                .filter(EventRecord.Columns.kind == EventKind.routed.rawValue)
                .order(EventRecord.Columns.id)
                .limit(limit)
                .fetchAll(db)
            // With a short page every later event has been seen: jump the mark past them too.
            let newest = events.count < limit ? try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM events") ?? mark : nil
            var tickets: [RoutedTicket] = []
            for event in events {
                guard let intake = event.detail["intake"], intake != origin, let ticketID = event.ticketID,
                      let ticket = try TicketRecord.fetchOne(db, key: ticketID)?.ticket,
                      let message = try MessageRecord
                        .filter(MessageRecord.Columns.ticketID == ticketID)
                        .filter(MessageRecord.Columns.direction == Direction.inbound.rawValue)
                        .order(MessageRecord.Columns.id)
                        .fetchOne(db)?.message
                else { continue }
                let detail = event.detail
                let decision = RouteDecision(
                    rule: detail["rule"] ?? ticket.routeRule ?? "", channel: detail["channel"] ?? ticket.routeChannel ?? "",
                    team: detail["team"], owner: detail["owner"],
                    cc: detail["cc"].map { $0.split(separator: ",").map(String.init) } ?? [], mention: detail["mention"] == "true")
                let customer = try CustomerRecord.fetchOne(db, key: ticket.customerID)?.customer
                tickets.append(RoutedTicket(ticket: ticket, customer: customer, message: message, decision: decision))
            }
            return RoutedTicketsPage(tickets: tickets, nextMark: max(newest ?? events.last?.id ?? mark, mark))
        }
    }
}

extension AppDatabase {
    /// Where a desk whose intake logs routes as `origin` starts reading the event log: after the last
    /// ticket it routed itself (what others routed while it was down is still ahead), but never further
    /// back than `notBefore`.
    public func deskStartMark(origin: String, notBefore: Date) async throws -> Int64 {
        try await reader.read { db in
            let own = try Int64.fetchOne(db, sql: """
                SELECT MAX(id) FROM events
                WHERE kind = 'routed' AND at >= ? AND json_extract(detail, '$.intake') = ?
                """, arguments: [notBefore, origin])
            let older = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM events WHERE kind = 'routed' AND at < ?", arguments: [notBefore])
            return max(own ?? 0, older ?? 0)
        }
    }
}

extension AppDatabase {
    /// Routes the open tickets that have no route, as the intake would have: tickets an older version
    /// stored without routing them (its `ingest-email`, or a crash before its separate routing step).
    /// Each is logged with `rules.origin`, so a running desk finds and posts them like any other
    /// intake's. Returns how many were routed.
    @discardableResult
    public func routeUnroutedTickets(rules: IntakeRules) async throws -> Int {
        let now = self.now()
        return try await writer.write { db in
            let tickets = try TicketRecord
                .filter(TicketRecord.Columns.state != TicketState.closed.rawValue)
                .filter(sql: "route_channel IS NULL")
                .order(TicketRecord.Columns.id)
                .fetchAll(db)
            for var ticket in tickets {
                guard let message = try MessageRecord
                    .filter(MessageRecord.Columns.ticketID == ticket.id)
                    .filter(MessageRecord.Columns.direction == Direction.inbound.rawValue)
                    .order(MessageRecord.Columns.id)
                    .fetchOne(db)?.message
                else { continue }
                let customer = try CustomerRecord.fetchOne(db, key: ticket.customerID)?.customer
                let decision = rules.router.route(RoutingFacts(
                    category: ticket.category ?? .support, urgency: ticket.urgency, source: message.channel,
                    lang: ticket.lang ?? "und", plan: customer?.plan, text: message.text))
                try Self.record(decision, on: &ticket, db, actor: TicketEvent.system, at: now, extra: ["intake": rules.origin])
            }
            return tickets.count
        }
    }
}
