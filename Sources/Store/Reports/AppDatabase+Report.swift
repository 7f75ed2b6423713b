public import Desk
public import Foundation
import GRDB

/// Analytics reads: the rows ``DeskReport/compute(_:settings:)`` needs for a period, in one snapshot.
///
/// SQLite does the narrowing, so the report never walks the whole history in Swift:
/// - tickets: those opened in the period, closed in it, or still open (one scan of `tickets`, the
///   cheapest table, with the customer joined by primary key);
/// - messages: only the first human reply of each ticket opened in the period, found through the
///   `messages_ticket` index and aggregated in SQL (`MIN` per ticket) instead of loading every message;
/// - events: the period's closes (through `events_kind_at`), the reopens of the tickets closed in it,
///   and the latest event of each open churn risk.
///
/// Dates are compared as GRDB stores them (`YYYY-MM-DD HH:MM:SS.SSS`, UTC), which sorts as text.
extension AppDatabase {
    /// The report for `settings`, from one read-only snapshot (`switchboard report`).
    public func report(_ settings: ReportSettings) throws -> DeskReport {
        let input = try reader.read { db in try Self.reportInput(db, period: settings.period) }
        return DeskReport.compute(input, settings: settings)
    }

    /// The same, for callers on the concurrency pool (IRC `stats`).
    public func report(_ settings: ReportSettings) async throws -> DeskReport {
        let input = try await reader.read { db in try Self.reportInput(db, period: settings.period) }
        return DeskReport.compute(input, settings: settings)
    }

    /// The rows alone, for callers that compute several reports or inspect them.
    public func reportInput(period: DateInterval) throws -> ReportInput {
        try reader.read { db in try Self.reportInput(db, period: period) }
    }

    static func reportInput(_ db: Database, period: DateInterval) throws -> ReportInput {
        let start = period.start, end = period.end
        let closedInPeriod = "SELECT ticket_id FROM events WHERE kind = 'closed' AND at >= :start AND at <= :end AND ticket_id IS NOT NULL"
        let arguments: StatementArguments = ["start": start, "end": end]

        var tickets: [ReportTicket] = []
        let ticketRows = try Row.fetchCursor(db, sql: """
            SELECT t.id, t.customer_id, c.name, c.company, c.plan, t.category, t.channel, t.state, t.owner,
                   t.routed_owner, t.created_at, t.closed_at
            FROM tickets t JOIN customers c ON c.id = t.customer_id
            WHERE t.state <> 'closed'
               OR (t.created_at >= :start AND t.created_at <= :end)
               OR (t.closed_at >= :start AND t.closed_at <= :end)
               OR t.id IN (\(closedInPeriod))
            """, arguments: arguments)
        while let row = try ticketRows.next() {
            let category: String? = row[5]
            let channel: String = row[6]
            let state: String = row[7]
            tickets.append(ReportTicket(
                id: row[0], customerID: row[1], customerName: row[2], company: row[3], plan: row[4],
                category: category.flatMap(Desk.Category.init(rawValue:)),
                channel: Channel(rawValue: channel) ?? .email, state: TicketState(rawValue: state) ?? .open,
                owner: row[8], routedOwner: row[9], createdAt: row[10], closedAt: row[11]
            ))
        }

        // SQLite gives a bare column (author) the values of the row MIN() picked.
        var messages: [ReportMessage] = []
        let messageRows = try Row.fetchCursor(db, sql: """
            SELECT m.ticket_id, MIN(m.received_at), m.author
            FROM messages m
            WHERE m.ticket_id IN (SELECT id FROM tickets WHERE created_at >= :start AND created_at <= :end)
              AND m.direction = 'out' AND m.received_at <= :end
              AND m.author IS NOT NULL AND m.author NOT IN ('', :system, :customer)
            GROUP BY m.ticket_id
            """, arguments: arguments + ["system": TicketEvent.system, "customer": TicketEvent.customer])
        while let row = try messageRows.next() {
            messages.append(ReportMessage(ticketID: row[0], direction: .outbound, at: row[1], author: row[2]))
        }

        var events: [ReportEvent] = []
        let eventRows = try Row.fetchCursor(db, sql: """
            SELECT id, ticket_id, kind, actor, at FROM events
            WHERE kind = 'closed' AND at >= :start AND at <= :end AND ticket_id IS NOT NULL
            UNION
            SELECT id, ticket_id, kind, actor, at FROM events
            WHERE kind = 'reopened' AND at <= :end AND ticket_id IN (\(closedInPeriod))
            UNION
            SELECT e.id, e.ticket_id, e.kind, e.actor, e.at
            FROM tickets t JOIN events e ON e.id = (
                SELECT l.id FROM events l WHERE l.ticket_id = t.id AND l.at <= :end ORDER BY l.at DESC, l.id DESC LIMIT 1)
            WHERE t.state <> 'closed' AND t.category = 'churn_risk'
            """, arguments: arguments)
        while let row = try eventRows.next() {
            let kind: String = row[2]
            events.append(ReportEvent(id: row[0], ticketID: row[1], kind: EventKind(rawValue: kind), actor: row[3], at: row[4]))
        }
        return ReportInput(tickets: tickets, events: events, messages: messages)
    }
}
