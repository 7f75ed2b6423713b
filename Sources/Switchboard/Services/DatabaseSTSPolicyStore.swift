import Foundation
import IRCClient
import Store

/// The IRC client's STS policies kept in the desk's database, so `serve` honours a policy learned before
/// a restart (IRCv3 STS asks clients to remember it for its whole duration). An adapter here keeps
/// `IRCClient` free of GRDB and `Store` free of IRC types.
struct DatabaseSTSPolicyStore: STSPolicyStore {
    let database: AppDatabase

    func policy(for host: String) async throws -> PersistedSTSPolicy? {
        try await database.stsPolicy(host: host).map { PersistedSTSPolicy(host: host, port: $0.port, expiresAt: $0.expiresAt) }
    }

    func save(_ policy: PersistedSTSPolicy) async throws {
        try await database.saveSTSPolicy(host: policy.host, port: policy.port, expiresAt: policy.expiresAt)
    }

    func removePolicy(for host: String) async throws {
        try await database.removeSTSPolicy(host: host)
    }
}
