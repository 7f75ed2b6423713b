/// The outcome of routing one ticket, as the router decided it and the store records it.
public struct RouteDecision: Sendable, Hashable, Codable {
    /// Which rule matched: its index in config (`"routing[2]"`) or a name.
    public var rule: String
    public var channel: String
    public var team: String?
    public var owner: String?
    public var cc: [String]
    public var mention: Bool

    public init(rule: String, channel: String, team: String? = nil, owner: String? = nil, cc: [String] = [], mention: Bool = false) {
        self.rule = rule
        self.channel = channel
        self.team = team
        self.owner = owner
        self.cc = cc
        self.mention = mention
    }
}
