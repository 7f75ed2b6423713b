import Desk
import Foundation
import GRDB

/// Row of `events`, the append-only log (enforced by triggers, see the migration).
struct EventRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord, StoredDateRecord {
    static let databaseTableName = "events"

    var id: Int64?
    var ticketID: Int64?
    var actor: String
    var kind: EventKind
    var detail: [String: String]
    var at: Date

    enum CodingKeys: String, CodingKey {
        case id, actor, kind, detail, at
        case ticketID = "ticket_id"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let ticketID = Column(CodingKeys.ticketID)
        static let kind = Column(CodingKeys.kind)
        static let at = Column(CodingKeys.at)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var event: TicketEvent {
        TicketEvent(id: id.persisted, ticketID: ticketID, actor: actor, kind: kind, detail: detail, at: at)
    }
}
