public import Desk
public import Foundation
import GRDB

/// Analytics reads: the rows ``DeskReport/compute(_:settings:)`` needs for a period, in one snapshot.
///
/// SQLite does the narrowing, so the report never walks the whole history in Swift:
/// - tickets: those opened in the period, closed in it, or still open (one scan of `tickets`, the
///   cheapest table); customers only for the open churn risks, the one place the report names them;
/// - messages: only the first human reply of each ticket opened in the period, found through the
///   `messages_ticket` index and aggregated in SQL (`MIN` per ticket) instead of loading every message;
///   for a ticket whose messages retention erased, its `queued` log entries instead;
/// - events: the period's closes and every reopen up to its end (both through `events_kind_at`; reopens
///   are rare), and the latest event of each open churn risk. `UNION ALL`: an event may come twice,
///   which the computation does not mind, and deduplicating would sort them all.
///
/// Dates are compared as GRDB stores them (`YYYY-MM-DD HH:MM:SS.SSS`, UTC), which sorts as text.
extension AppDatabase {
    /// The report for `settings`, from one read-only snapshot (`switchboard report`).
    public func report(_ settings: ReportSettings) throws -> DeskReport {
        let settings = Self.storedPrecision(settings)
        let input = try reader.read { db in try Self.reportInput(db, period: settings.period) }
        return DeskReport.compute(input, settings: settings)
    }

    /// The same, for callers on the concurrency pool (IRC `stats`).
    public func report(_ settings: ReportSettings) async throws -> DeskReport {
        let settings = Self.storedPrecision(settings)
        let input = try await reader.read { db in try Self.reportInput(db, period: settings.period) }
        return DeskReport.compute(input, settings: settings)
    }

    /// The period's bounds as the database stores times (whole milliseconds), so SQL and the Swift
    /// computation agree on a ticket opened in the very millisecond the period starts.
    static func storedPrecision(_ settings: ReportSettings) -> ReportSettings {
        func stored(_ date: Date) -> Date { Date.fromDatabaseValue(date.databaseValue) ?? date }
        var settings = settings
        settings.period = DateInterval(start: stored(settings.period.start), end: stored(settings.period.end))
        return settings
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
            SELECT id, customer_id, category, channel, state, owner, routed_owner, created_at, closed_at
            FROM tickets
            WHERE state <> 'closed'
               OR (created_at >= :start AND created_at <= :end)
               OR (closed_at >= :start AND closed_at <= :end)
               OR id IN (\(closedInPeriod))
            """, arguments: arguments)
        while let row = try ticketRows.next() {
            let category: String? = row[2]
            let channel: String = row[3]
            let state: String = row[4]
            tickets.append(ReportTicket(
                id: row[0], customerID: row[1], category: category.flatMap(Desk.Category.init(rawValue:)),
                channel: Channel(rawValue: channel) ?? .email, state: TicketState(rawValue: state) ?? .open,
                owner: row[5], routedOwner: row[6], createdAt: row[7], closedAt: row[8]
            ))
        }

        // Names only for the customers the report shows: those of open churn risks.
        let customers = try Row.fetchAll(db, sql: """
            SELECT id, name, company, plan FROM customers
            WHERE id IN (SELECT customer_id FROM tickets WHERE state <> 'closed' AND category = 'churn_risk')
            """).map { ReportCustomer(id: $0[0], name: $0[1], company: $0[2], plan: $0[3]) }

        // SQLite gives a bare column (author) the values of the row MIN() picked.
        var messages: [ReportMessage] = []
        let humanReplies = """
            SELECT m.ticket_id, MIN(m.received_at), m.author
            FROM tickets t JOIN messages m ON m.ticket_id = t.id
            WHERE t.created_at >= :start AND t.created_at <= :end
              AND m.direction = 'out' AND m.received_at <= :end
              AND m.author IS NOT NULL AND m.author NOT IN ('', :system, :customer)
            GROUP BY m.ticket_id
            """
        // A ticket whose messages retention erased has none left; its `queued` entries (same time,
        // same author, no text) stand in for its outbound messages, so old periods keep their figures.
        let erasedReplies = """
            SELECT e.ticket_id, MIN(e.at), e.actor
            FROM tickets t JOIN events e ON e.ticket_id = t.id
            WHERE t.created_at >= :start AND t.created_at <= :end AND t.state = 'closed'
              AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id)
              AND e.kind = 'queued' AND e.at <= :end AND e.actor NOT IN ('', :system, :customer)
            GROUP BY e.ticket_id
            """
        // Only a retention run (which logs one event when it erases anything) leaves such tickets; without
        // one, the second query and its scan of `tickets` are skipped.
        let retentionRan = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM events WHERE kind = ?)",
                                             arguments: [EventKind.retention.rawValue]) ?? false
        for sql in retentionRan ? [humanReplies, erasedReplies] : [humanReplies] {
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments + ["system": TicketEvent.system, "customer": TicketEvent.customer])
            while let row = try rows.next() {
                messages.append(ReportMessage(ticketID: row[0], direction: .outbound, at: row[1], author: row[2]))
            }
        }

        var events: [ReportEvent] = []
        let eventRows = try Row.fetchCursor(db, sql: """
            SELECT id, ticket_id, kind, actor, at FROM events
            WHERE kind = 'closed' AND at >= :start AND at <= :end AND ticket_id IS NOT NULL
            UNION ALL
            SELECT id, ticket_id, kind, actor, at FROM events
            WHERE kind = 'reopened' AND at <= :end AND ticket_id IS NOT NULL
            UNION ALL
            SELECT e.id, e.ticket_id, e.kind, e.actor, e.at
            FROM tickets t JOIN events e ON e.id = (
                SELECT l.id FROM events l WHERE l.ticket_id = t.id AND l.at <= :end ORDER BY l.at DESC, l.id DESC LIMIT 1)
            WHERE t.state <> 'closed' AND t.category = 'churn_risk'
            """, arguments: arguments)
        while let row = try eventRows.next() {
            let kind: String = row[2]
            events.append(ReportEvent(id: row[0], ticketID: row[1], kind: EventKind(rawValue: kind), actor: row[3], at: row[4]))
        }
        return ReportInput(tickets: tickets, events: events, messages: messages, customers: customers)
    }
}
