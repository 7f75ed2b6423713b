/// How fast the team promises to answer: first-response targets by category and urgency, and how far
/// ahead a reply that defers may promise an update. All durations are business time.
public struct ServiceLevels: Sendable, Hashable {
    public var firstResponse: Duration
    /// Tighter targets for some categories (churn_risk, say).
    public var firstResponseByCategory: [Category: Duration]
    /// The target for high-urgency tickets; the tightest applicable target wins.
    public var firstResponseUrgent: Duration?
    /// When a reply defers, it promises an update within this much business time.
    public var updatePromise: Duration

    public init(firstResponse: Duration = .seconds(4 * 3600), firstResponseByCategory: [Category: Duration] = [:],
                firstResponseUrgent: Duration? = .seconds(3600), updatePromise: Duration = .seconds(4 * 3600)) {
        self.firstResponse = firstResponse
        self.firstResponseByCategory = firstResponseByCategory
        self.firstResponseUrgent = firstResponseUrgent
        self.updatePromise = updatePromise
    }

    /// The first-response target for a ticket: the tightest of the default, its category's and, when
    /// urgent, the urgent one.
    public func firstResponseTarget(category: Category?, urgency: Urgency) -> Duration {
        var candidates = [firstResponse]
        if let category, let specific = firstResponseByCategory[category] { candidates.append(specific) }
        if urgency == .high, let urgent = firstResponseUrgent { candidates.append(urgent) }
        return candidates.min() ?? firstResponse
    }
}
