import Desk
import Foundation
import GRDB

/// Row of `corrections`.
struct CorrectionRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord, StoredDateRecord {
    static let databaseTableName = "corrections"

    var id: Int64?
    var text: String
    var category: Desk.Category
    var lang: String?
    var channel: Channel?
    var actor: String
    var at: Date
    var ticketID: Int64?
    var messageID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, text, category, lang, channel, actor, at
        case ticketID = "ticket_id"
        case messageID = "message_id"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let at = Column(CodingKeys.at)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var correction: Correction {
        Correction(
            id: id.persisted, text: text, category: category, lang: lang, channel: channel, actor: actor, at: at,
            ticketID: ticketID, messageID: messageID
        )
    }
}
