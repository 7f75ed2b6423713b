public import Desk
public import Foundation
import GRDB

/// Durable timers for follow-ups, snoozes and WhatsApp window reminders. The scheduler polls
/// ``dueTimers(limit:)`` and claims each one with ``markTimerFired(id:)`` before acting, so a restart
/// neither loses a timer nor fires it twice.
extension AppDatabase {
    /// Schedules a timer. With `replacing`, earlier unfired timers of the same kind on the ticket are
    /// cancelled first (a new snooze replaces the old one).
    public func scheduleTimer(ticketID: Int64, kind: TimerKind, dueAt: Date, replacing: Bool = true) async throws -> TicketTimer {
        let now = self.now()
        return try await writer.write { db in
            _ = try Self.fetchTicket(db, id: ticketID)
            return try Self.scheduleTimer(db, ticketID: ticketID, kind: kind, dueAt: dueAt, replacing: replacing, now: now)
        }
    }

    static func scheduleTimer(_ db: Database, ticketID: Int64, kind: TimerKind, dueAt: Date, replacing: Bool, now: Date) throws -> TicketTimer {
        if replacing { try cancelTimers(db, ticketID: ticketID, kind: kind, now: now) }
        var timer = TimerRecord(id: nil, ticketID: ticketID, kind: kind, dueAt: dueAt, firedAt: nil, cancelled: false, createdAt: now)
        try timer.insert(db)
        return timer.timer
    }

    /// `snooze N DURATION`: replaces the ticket's snooze timer and logs `snoozed`.
    public func snooze(ticketID: Int64, until dueAt: Date, actor: String) async throws -> TicketTimer {
        let now = self.now()
        return try await writer.write { db in
            _ = try Self.fetchTicket(db, id: ticketID)
            try Self.cancelTimers(db, ticketID: ticketID, kind: .snooze, now: now)
            var timer = TimerRecord(id: nil, ticketID: ticketID, kind: .snooze, dueAt: dueAt, firedAt: nil, cancelled: false, createdAt: now)
            try timer.insert(db)
            try Self.log(db, ticketID: ticketID, actor: actor, kind: .snoozed, detail: ["until": Timestamp.rfc3339(dueAt)], at: now)
            return timer.timer
        }
    }

    /// Unfired timers due now, earliest first.
    public func dueTimers(limit: Int = 100) async throws -> [TicketTimer] {
        let now = self.now()
        return try await reader.read { db in
            try TimerRecord
                .filter(TimerRecord.Columns.firedAt == nil)
                .filter(TimerRecord.Columns.dueAt <= now)
                .order(TimerRecord.Columns.dueAt, TimerRecord.Columns.id)
                .limit(limit)
                .fetchAll(db)
                .map(\.timer)
        }
    }

    /// When the next unfired timer falls due, so the scheduler can sleep until then.
    public func nextTimerDue() async throws -> Date? {
        try await reader.read { db in
            try TimerRecord.filter(TimerRecord.Columns.firedAt == nil)
                .select(min(TimerRecord.Columns.dueAt), as: Date.self)
                .fetchOne(db)
        }
    }

    /// Claims a due timer. Returns false when it was already fired or cancelled, so two schedulers (or a
    /// retry after a crash) never act on it twice.
    public func markTimerFired(id: Int64) async throws -> Bool {
        let now = self.now()
        return try await writer.write { db in
            try db.execute(sql: "UPDATE timers SET fired_at = ? WHERE id = ? AND fired_at IS NULL", arguments: [now, id])
            return db.changesCount == 1
        }
    }

    /// Cancels a ticket's unfired timers (of one kind, or all). Returns how many.
    @discardableResult
    public func cancelTimers(ticketID: Int64, kind: TimerKind? = nil) async throws -> Int {
        let now = self.now()
        return try await writer.write { db in try Self.cancelTimers(db, ticketID: ticketID, kind: kind, now: now) }
    }

    /// A ticket's unfired timers.
    public func pendingTimers(ticketID: Int64) async throws -> [TicketTimer] {
        try await reader.read { db in
            try TimerRecord
                .filter(TimerRecord.Columns.ticketID == ticketID)
                .filter(TimerRecord.Columns.firedAt == nil)
                .order(TimerRecord.Columns.dueAt)
                .fetchAll(db)
                .map(\.timer)
        }
    }

    @discardableResult
    static func cancelTimers(_ db: Database, ticketID: Int64, kind: TimerKind?, now: Date) throws -> Int {
        var sql = "UPDATE timers SET fired_at = ?, cancelled = 1 WHERE ticket_id = ? AND fired_at IS NULL"
        var arguments: StatementArguments = [now, ticketID]
        if let kind {
            sql += " AND kind = ?"
            arguments += [kind.rawValue]
        }
        try db.execute(sql: sql, arguments: arguments)
        return db.changesCount
    }
}
