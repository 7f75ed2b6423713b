import GRDB

/// What `forget` and retention share: the only two operations allowed to delete from the event log.
extension AppDatabase {
    /// Runs `body` with `erasure_guard` held, which the log's delete trigger checks. In the caller's
    /// transaction, so a failure rolls the guard back with everything else.
    static func underErasureGuard<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "INSERT INTO erasure_guard (id) VALUES (1)")
        let result = try body()
        try db.execute(sql: "DELETE FROM erasure_guard")
        return result
    }

    /// An SQL condition on `corrections`: the correction belongs to one of `tickets` (a subquery), or
    /// copied the text of one of their messages.
    static func correctionsOf(_ tickets: String) -> String {
        "ticket_id IN \(tickets) OR message_id IN (SELECT id FROM messages WHERE ticket_id IN \(tickets))"
    }
}
