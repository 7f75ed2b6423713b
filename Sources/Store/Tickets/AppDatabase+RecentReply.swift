public import Foundation
import GRDB

extension AppDatabase {
    /// When we last wrote to the customer (queued or sent), on any of their tickets: a "thanks" soon
    /// after a reply is a pleasantry, a "thanks" out of the blue may not be.
    public func lastReplyAt(customerID: Int64) async throws -> Date? {
        try await reader.read { db in try Self.lastReplyAt(db, customerID: customerID) }
    }

    static func lastReplyAt(_ db: Database, customerID: Int64) throws -> Date? {
        try Date.fetchOne(db, sql: """
            SELECT MAX(m.received_at) FROM messages m JOIN tickets t ON t.id = m.ticket_id
            WHERE t.customer_id = ? AND m.direction = 'out'
            """, arguments: [customerID])
    }
}
