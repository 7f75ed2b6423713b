/// Where the client keeps STS policies between runs.
///
/// IRCv3 STS requires a client to remember a policy for its whole `duration`, across restarts: otherwise
/// an attacker who can strip TLS only has to wait for the next restart. Switchboard keeps policies in its
/// database (the executable adapts `AppDatabase` to this protocol, so this module needs no GRDB); a client
/// built without one keeps them in memory (``InMemorySTSPolicyStore``).
public protocol STSPolicyStore: Sendable {
    /// The policy for `host` (lower-cased), expired or not; the client decides what has expired.
    func policy(for host: String) async throws -> PersistedSTSPolicy?
    /// Stores or replaces the policy for its host.
    func save(_ policy: PersistedSTSPolicy) async throws
    /// Forgets the policy for `host` (lower-cased): `duration=0`, or an expired one.
    func removePolicy(for host: String) async throws
}
