public import Desk
import Foundation
import GRDB

/// Retention: the conversations of tickets closed long ago are erased, the tickets are not.
///
/// A ticket is in scope when it is closed, and was closed and last touched (its row and every entry of
/// its log) before the cutoff. A ticket with a send that has not settled — pending, in flight, or
/// `unknown` and waiting for an agent's decision — is left whole until it does: the outbox and the
/// agents still need that thread.
///
/// Erased: the ticket's messages (inbound and outbound), its settled outbox rows (their payloads hold
/// the text and the address), the triage corrections that copied one of its messages, the ticket's
/// subject and resolution, and the free text of its log entries (drafts, notes, resolutions, provider
/// errors). Kept: the ticket row's category, urgency, language, channel, owner and times, and every log
/// entry without its text, so `report` figures for old periods do not change. Like `forget`, the run
/// deletes from the log only under `erasure_guard`, and leaves an anonymised event holding counts.
extension AppDatabase {
    /// Detail keys that may carry free text: a draft's or note's text, an agent's resolution, a
    /// provider's error message (which can quote the address), provider message ids (a Meta id
    /// encodes the customer's phone number), and the address an agent chose to reply to.
    static let freeTextKeys = ["text", "resolution", "error", "provider_id", "address"]

    /// How many tickets one transaction erases. Enabling retention on a large history must not hold the
    /// write lock for seconds while webhooks wait to commit; between batches they go first.
    public static let retentionBatchSize = 500

    /// Erases the messages of tickets closed, and last touched, longer ago than `age`. The search runs
    /// on a read snapshot (so a run that finds nothing never takes the write lock); the erasure runs in
    /// transactions of at most `batchSize` tickets, each re-checking its tickets under the lock and
    /// logging one ``EventKind/retention`` event with its counts. An hourly run is one transaction and
    /// one event; nothing is logged when nothing was erased. Idempotent: a second run finds nothing.
    public func eraseExpiredMessages(
        olderThan age: Duration, actor: String = TicketEvent.system, batchSize: Int = AppDatabase.retentionBatchSize
    ) async throws -> RetentionSummary {
        let now = self.now()
        let cutoff = now.addingTimeInterval(-age.timeInterval)
        let (candidates, planned) = try await reader.read { db in try Self.retentionPlan(db, cutoff: cutoff) }
        var total = RetentionSummary(cutoff: cutoff, waitingOnSends: planned.waitingOnSends)
        let size = max(batchSize, 1)
        for start in stride(from: 0, to: candidates.count, by: size) {
            let batch = Array(candidates[start..<min(start + size, candidates.count)])
            let erased = try await writer.write { db in
                try Self.eraseExpired(db, among: batch, cutoff: cutoff, actor: actor, at: now)
            }
            total.add(erased)
        }
        return total
    }

    /// The dry run: what ``eraseExpiredMessages(olderThan:actor:batchSize:)`` would erase now, from a
    /// read, so it also works on a read-only connection.
    public func expiredMessages(olderThan age: Duration) async throws -> RetentionSummary {
        let cutoff = now().addingTimeInterval(-age.timeInterval)
        return try await reader.read { db in try Self.retentionPlan(db, cutoff: cutoff).summary }
    }

    /// One batch, in the caller's write transaction: the tickets of `among` still in scope lose their
    /// conversations, and one event records the counts.
    private static func eraseExpired(_ db: Database, among: [Int64], cutoff: Date, actor: String, at now: Date) throws -> RetentionSummary {
        let ids = try Int64.fetchAll(db, sql: expiredTickets(waitingOnSends: false, among: true),
                                     arguments: ["cutoff": cutoff, "among": jsonArray(among)])
        guard !ids.isEmpty else { return RetentionSummary(cutoff: cutoff) }
        let summary = try counts(db, tickets: ids, cutoff: cutoff)
        let tickets = "(SELECT value FROM json_each(:tickets))"
        let arguments: StatementArguments = ["tickets": jsonArray(ids)]
        try underErasureGuard(db) {
            try db.execute(sql: "DELETE FROM corrections WHERE \(correctionsOf(tickets))", arguments: arguments)
            try db.execute(sql: "DELETE FROM outbox WHERE \(outboxOf(tickets))", arguments: arguments)
            try db.execute(sql: "DELETE FROM messages WHERE ticket_id IN \(tickets)", arguments: arguments)
            // The log refuses UPDATE; an entry is replaced by the same entry (same id, time, kind and actor)
            // without its text, so history keeps its order.
            let paths = freeTextKeys.map { "'$.\($0)'" }.joined(separator: ", ")
            try db.execute(sql: """
                CREATE TEMP TABLE retention_redacted AS
                    SELECT id, ticket_id, actor, kind, json_remove(detail, \(paths)) AS detail, at
                    FROM events e WHERE e.ticket_id IN \(tickets) AND \(hasFreeText("e.detail"));
                DELETE FROM events WHERE id IN (SELECT id FROM temp.retention_redacted);
                INSERT INTO events (id, ticket_id, actor, kind, detail, at)
                    SELECT id, ticket_id, actor, kind, detail, at FROM temp.retention_redacted;
                DROP TABLE temp.retention_redacted;
                """, arguments: arguments)
            try db.execute(sql: "UPDATE tickets SET subject = NULL, resolution = NULL WHERE id IN \(tickets)", arguments: arguments)
        }
        try log(db, ticketID: nil, actor: actor, kind: .retention, detail: summary.eventDetail, at: now)
        return summary
    }

    /// The tickets in scope and the counts of what erasing them removes. The dry run and the real run
    /// both count here, so they agree.
    private static func retentionPlan(_ db: Database, cutoff: Date) throws -> (tickets: [Int64], summary: RetentionSummary) {
        let ids = try Int64.fetchAll(db, sql: expiredTickets(waitingOnSends: false, among: false), arguments: ["cutoff": cutoff])
        var summary = try counts(db, tickets: ids, cutoff: cutoff)
        summary.waitingOnSends = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(expiredTickets(waitingOnSends: true, among: false)))",
                                                  arguments: ["cutoff": cutoff]) ?? 0
        return (ids, summary)
    }

    private static func counts(_ db: Database, tickets ids: [Int64], cutoff: Date) throws -> RetentionSummary {
        let tickets = "(SELECT value FROM json_each(:tickets))"
        let arguments: StatementArguments = ["tickets": jsonArray(ids)]
        func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
        return RetentionSummary(
            cutoff: cutoff,
            tickets: ids.count,
            messages: try count("SELECT COUNT(*) FROM messages WHERE ticket_id IN \(tickets)"),
            outbox: try count("SELECT COUNT(*) FROM outbox WHERE \(outboxOf(tickets))"),
            corrections: try count("SELECT COUNT(*) FROM corrections WHERE \(correctionsOf(tickets))"),
            redactedEvents: try count("SELECT COUNT(*) FROM events e WHERE e.ticket_id IN \(tickets) AND \(hasFreeText("e.detail"))"))
    }

    /// Closed tickets past the cutoff that still hold something to erase, with (`waitingOnSends`) or
    /// without an unsettled send; `among` limits them to the ids in `:among`, looked up one by one
    /// (`CROSS JOIN` keeps SQLite from scanning every closed ticket instead). Dates compare as GRDB
    /// stores them, which sorts as text.
    private static func expiredTickets(waitingOnSends: Bool, among: Bool) -> String {
        """
        SELECT t.id FROM \(among ? "json_each(:among) a CROSS JOIN tickets t ON t.id = a.value" : "tickets t")
        WHERE t.state = 'closed' AND t.closed_at < :cutoff AND t.updated_at < :cutoff
          AND (t.subject IS NOT NULL OR t.resolution IS NOT NULL
               OR EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id)
               OR EXISTS (SELECT 1 FROM events e WHERE e.ticket_id = t.id AND \(hasFreeText("e.detail"))))
          AND NOT EXISTS (SELECT 1 FROM events e WHERE e.ticket_id = t.id AND e.at >= :cutoff)
          AND \(waitingOnSends ? "" : "NOT") EXISTS (
              SELECT 1 FROM outbox o WHERE o.ticket_id = t.id AND o.state IN ('pending', 'in_flight', 'unknown'))
        """
    }

    /// An SQL condition on `outbox`: the row belongs to one of `tickets`. Through its message, because
    /// `outbox` has no index on `ticket_id` and a batch must not scan the whole table.
    private static func outboxOf(_ tickets: String) -> String {
        "message_id IN (SELECT id FROM messages WHERE ticket_id IN \(tickets))"
    }

    /// An SQL condition: the JSON detail has one of ``freeTextKeys``.
    private static func hasFreeText(_ detail: String) -> String {
        let keys = freeTextKeys.map { "'\($0)'" }.joined(separator: ", ")
        return "EXISTS (SELECT 1 FROM json_each(\(detail)) j WHERE j.key IN (\(keys)))"
    }

    /// Ids as one JSON array argument, read back with `json_each`: one bound value however many ids.
    private static func jsonArray(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
