import Desk
import Foundation
import GRDB

/// Row of `timers`.
struct TimerRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord, StoredDateRecord {
    static let databaseTableName = "timers"

    var id: Int64?
    var ticketID: Int64
    var kind: TimerKind
    var dueAt: Date
    var firedAt: Date?
    var cancelled: Bool
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, kind, cancelled
        case ticketID = "ticket_id"
        case dueAt = "due_at"
        case firedAt = "fired_at"
        case createdAt = "created_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let ticketID = Column(CodingKeys.ticketID)
        static let kind = Column(CodingKeys.kind)
        static let dueAt = Column(CodingKeys.dueAt)
        static let firedAt = Column(CodingKeys.firedAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var timer: TicketTimer {
        TicketTimer(id: id.persisted, ticketID: ticketID, kind: kind, dueAt: dueAt, firedAt: firedAt, cancelled: cancelled, createdAt: createdAt)
    }
}
