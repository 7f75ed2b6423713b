import Desk
import Foundation
import GRDB

/// Row of `customers`.
struct CustomerRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord, StoredDateRecord {
    static let databaseTableName = "customers"

    var id: Int64?
    var name: String
    var company: String?
    var plan: String?
    var owner: String?
    var language: String?
    var notes: String?
    var externalID: String?
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, company, plan, owner, language, notes
        case externalID = "external_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let name = Column(CodingKeys.name)
        static let externalID = Column(CodingKeys.externalID)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var customer: Customer {
        Customer(
            id: id.persisted, name: name, company: company, plan: plan, owner: owner, language: language,
            notes: notes, externalID: externalID, createdAt: createdAt, updatedAt: updatedAt
        )
    }
}
