public import Foundation
import GRDB

/// The IRC client's STS policies (`sts_policies`), so one learned in one run is honoured after a restart.
/// Hosts are compared lower-cased; whether a policy has expired is the client's decision.
extension AppDatabase {
    public func stsPolicy(host: String) async throws -> (port: Int, expiresAt: Date)? {
        try await reader.read { db in
            try STSPolicyRecord.fetchOne(db, key: host.lowercased()).map { ($0.port, $0.expiresAt) }
        }
    }

    /// Stores or replaces the policy for `host`.
    public func saveSTSPolicy(host: String, port: Int, expiresAt: Date) async throws {
        try await writer.write { db in
            try STSPolicyRecord(host: host.lowercased(), port: port, expiresAt: expiresAt).save(db)
        }
    }

    public func removeSTSPolicy(host: String) async throws {
        _ = try await writer.write { db in
            try STSPolicyRecord.deleteOne(db, key: host.lowercased())
        }
    }
}
