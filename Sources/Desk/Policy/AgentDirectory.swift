/// The agents listed in config, keyed by services account. Identity is always the account, never a nick.
public struct AgentDirectory: Sendable {
    public enum Role: String, Sendable, Comparable {
        case agent, lead, admin

        private var rank: Int { self == .agent ? 0 : self == .lead ? 1 : 2 }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }

    public struct Agent: Sendable, Hashable {
        public var account: String
        public var teams: Set<String>
        public var role: Role

        public init(account: String, teams: Set<String>, role: Role) {
            self.account = account
            self.teams = teams
            self.role = role
        }
    }

    private let agents: [String: Agent]

    public init(_ agents: [Agent]) {
        self.agents = Dictionary(agents.map { ($0.account.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func agent(account: String?) -> Agent? {
        account.flatMap { agents[$0.lowercased()] }
    }

    public var all: [Agent] { agents.values.sorted { $0.account < $1.account } }
}
