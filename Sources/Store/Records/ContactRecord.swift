import Desk
import Foundation
import GRDB

/// Row of `contacts`: `(kind, value)` is unique, so one address belongs to exactly one customer.
struct ContactRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord, StoredDateRecord {
    static let databaseTableName = "contacts"

    var id: Int64?
    var customerID: Int64
    var kind: ContactKind
    var value: String
    var lastInboundAt: Date?
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, kind, value
        case customerID = "customer_id"
        case lastInboundAt = "last_inbound_at"
        case createdAt = "created_at"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let customerID = Column(CodingKeys.customerID)
        static let kind = Column(CodingKeys.kind)
        static let value = Column(CodingKeys.value)
        static let lastInboundAt = Column(CodingKeys.lastInboundAt)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    static func matching(_ key: ContactKey) -> QueryInterfaceRequest<ContactRecord> {
        let key = key.normalized
        return filter(Columns.kind == key.kind.rawValue && Columns.value == key.value)
    }

    var contact: Contact {
        Contact(id: id.persisted, customerID: customerID, key: ContactKey(kind: kind, value: value), lastInboundAt: lastInboundAt)
    }
}
