/// What the router may look at for one ticket.
public struct RoutingFacts: Sendable, Hashable {
    public var category: Category
    public var urgency: Urgency
    public var source: Channel
    public var lang: String
    public var plan: String?
    public var tags: Set<String>
    public var text: String

    public init(category: Category, urgency: Urgency, source: Channel, lang: String, plan: String? = nil,
                tags: Set<String> = [], text: String) {
        self.category = category
        self.urgency = urgency
        self.source = source
        self.lang = lang
        self.plan = plan
        self.tags = tags
        self.text = text
    }
}
