/// Explicit, ordered routing: the first rule that matches wins, and the decision names that rule so
/// "why did this land in #eng?" always has an answer in the event log.
public struct TicketRouter: Sendable {
    public let rules: [RoutingRule]
    /// Where founders watch churn risk. Every churn_risk ticket reaches it, whichever rule matched.
    public let churnChannel: String?
    /// Used when no rule matches and there is no default rule.
    public let fallbackChannel: String

    public init(rules: [RoutingRule], fallbackChannel: String) {
        self.rules = rules
        self.fallbackChannel = fallbackChannel
        churnChannel = rules.first { !$0.isDefault && $0.match.categories == [.churnRisk] }?.channel
    }

    public func route(_ facts: RoutingFacts) -> RouteDecision {
        var decision: RouteDecision
        if let rule = rules.first(where: { !$0.isDefault && Self.matches($0.match, facts) }) ?? rules.first(where: \.isDefault) {
            decision = RouteDecision(rule: rule.name, channel: rule.channel, team: rule.team, owner: rule.owner, cc: rule.cc,
                                     mention: rule.mention)
        } else {
            decision = RouteDecision(rule: "fallback", channel: fallbackChannel)
        }
        if facts.category == .churnRisk, let churnChannel, !decision.channels.contains(where: { $0.lowercased() == churnChannel.lowercased() }) {
            decision.cc.append(churnChannel)
        }
        return decision
    }

    static func matches(_ match: RoutingRule.Match, _ facts: RoutingFacts) -> Bool {
        if !match.categories.isEmpty && !match.categories.contains(facts.category) { return false }
        if !match.urgencies.isEmpty && !match.urgencies.contains(facts.urgency) { return false }
        if !match.sources.isEmpty && !match.sources.contains(facts.source) { return false }
        if !match.languages.isEmpty && !match.languages.contains(where: { languageMatches($0, facts.lang) }) { return false }
        if !match.plans.isEmpty && !match.plans.contains(where: { $0.lowercased() == facts.plan?.lowercased() }) { return false }
        if !match.tags.isEmpty && !match.tags.contains(where: { facts.tags.contains($0.lowercased()) }) { return false }
        if !match.keywords.isEmpty {
            let text = facts.text.lowercased()
            if !match.keywords.contains(where: { text.contains($0.lowercased()) }) { return false }
        }
        return true
    }

    /// `ar` covers every Arabic variety including Arabizi; `ar-Latn` only Arabizi.
    static func languageMatches(_ wanted: String, _ actual: String) -> Bool {
        let wanted = wanted.lowercased(), actual = actual.lowercased()
        return actual == wanted || (!wanted.contains("-") && actual.hasPrefix(wanted + "-"))
    }
}

extension RouteDecision {
    /// The main channel followed by the cc channels, without repeats.
    public var channels: [String] {
        var seen = Set<String>()
        return ([channel] + cc).filter { seen.insert($0.lowercased()).inserted }
    }
}
