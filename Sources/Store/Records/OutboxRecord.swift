import Desk
import Foundation
import GRDB

/// Row of `outbox`. The payload is stored as JSON text so an operator can read it with `sqlite3`.
struct OutboxRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord, StoredDateRecord {
    static let databaseTableName = "outbox"

    var id: Int64?
    var messageID: Int64
    var ticketID: Int64
    var channel: Channel
    var payload: String
    var state: OutboxState
    var attempts: Int
    var nextAttemptAt: Date
    var lastError: String?
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, channel, payload, state, attempts
        case messageID = "message_id"
        case ticketID = "ticket_id"
        case nextAttemptAt = "next_attempt_at"
        case lastError = "last_error"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let messageID = Column(CodingKeys.messageID)
        static let channel = Column(CodingKeys.channel)
        static let state = Column(CodingKeys.state)
        static let nextAttemptAt = Column(CodingKeys.nextAttemptAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var item: OutboxItem {
        OutboxItem(
            id: id.persisted, messageID: messageID, ticketID: ticketID, channel: channel, payload: Data(payload.utf8),
            state: state, attempts: attempts, nextAttemptAt: nextAttemptAt, lastError: lastError,
            createdAt: createdAt, updatedAt: updatedAt
        )
    }
}
