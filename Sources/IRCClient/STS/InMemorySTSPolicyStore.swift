/// STS policies for the life of the process: the default when no durable store is given, and for tests.
public actor InMemorySTSPolicyStore: STSPolicyStore {
    private var policies: [String: PersistedSTSPolicy] = [:]

    public init() {}

    public func policy(for host: String) -> PersistedSTSPolicy? { policies[host.lowercased()] }
    public func save(_ policy: PersistedSTSPolicy) { policies[policy.host] = policy }
    public func removePolicy(for host: String) { policies[host.lowercased()] = nil }
}
