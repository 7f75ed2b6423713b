import Foundation
import GRDB

/// Row of `sts_policies`.
struct STSPolicyRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord, StoredDateRecord {
    static let databaseTableName = "sts_policies"

    var host: String
    var port: Int
    var expiresAt: Date

    enum CodingKeys: String, CodingKey {
        case host, port
        case expiresAt = "expires_at"
    }

    enum Columns {
        static let host = Column(CodingKeys.host)
    }
}
