/// One ordered routing rule from config. All the keys a rule gives must match; within one key any of
/// the listed values may match.
public struct RoutingRule: Sendable, Hashable {
    public struct Match: Sendable, Hashable {
        public var categories: Set<Category>
        public var urgencies: Set<Urgency>
        public var sources: Set<Channel>
        /// BCP 47 tags; `ar` also matches `ar-Latn`, `ar-Latn` only itself.
        public var languages: [String]
        public var plans: [String]
        public var tags: [String]
        /// Case-insensitive words or phrases, any of which may appear in the message.
        public var keywords: [String]

        public init(categories: Set<Category> = [], urgencies: Set<Urgency> = [], sources: Set<Channel> = [],
                    languages: [String] = [], plans: [String] = [], tags: [String] = [], keywords: [String] = []) {
            self.categories = categories
            self.urgencies = urgencies
            self.sources = sources
            self.languages = languages
            self.plans = plans
            self.tags = tags
            self.keywords = keywords
        }
    }

    /// How events and `show` name the rule: `routing[2]`.
    public var name: String
    public var isDefault: Bool
    public var match: Match
    public var channel: String
    public var team: String?
    public var owner: String?
    public var cc: [String]
    public var mention: Bool

    public init(name: String, isDefault: Bool = false, match: Match = Match(), channel: String, team: String? = nil,
                owner: String? = nil, cc: [String] = [], mention: Bool = false) {
        self.name = name
        self.isDefault = isDefault
        self.match = match
        self.channel = channel
        self.team = team
        self.owner = owner
        self.cc = cc
        self.mention = mention
    }
}
