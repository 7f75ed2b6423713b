import GRDB

extension AppDatabase {
    /// Row counts for operators: what a backup holds, what a retention run left.
    public struct CountSummary: Sendable, Hashable {
        public var tickets: Int
        public var messages: Int
        public var customers: Int
    }

    public func countSummary() throws -> CountSummary {
        try reader.read { db in
            CountSummary(
                tickets: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets") ?? 0,
                messages: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages") ?? 0,
                customers: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customers") ?? 0)
        }
    }
}
