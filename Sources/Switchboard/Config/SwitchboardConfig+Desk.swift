import Desk
import IRCClient

extension SwitchboardConfig {
    /// The routing rules as the desk's router takes them, named `routing[N]` as in the config file.
    var ticketRouter: TicketRouter {
        let rules = routing.map { rule in
            RoutingRule(
                name: "routing[\(rule.index)]", isDefault: rule.isDefault,
                match: .init(
                    categories: Set(rule.match.category.compactMap(Desk.Category.init(rawValue:))),
                    urgencies: Set(rule.match.urgency.compactMap(Urgency.init(rawValue:))),
                    sources: Set(rule.match.source.compactMap(Channel.init(rawValue:))),
                    languages: rule.match.lang, plans: rule.match.plan, tags: rule.match.tag, keywords: rule.match.keywords),
                channel: rule.channel, team: rule.team, owner: rule.owner, cc: rule.cc, mention: rule.mention)
        }
        let fallback = irc?.client.channels.first?.name ?? routing.first?.channel ?? "#support"
        return TicketRouter(rules: rules, fallbackChannel: fallback)
    }

    /// What every intake of this desk applies in the transaction that stores a message; `origin` names
    /// the intake (`serve`, `ingest-email`) in the `routed` event.
    func intakeRules(origin: String) -> IntakeRules {
        IntakeRules(router: ticketRouter, followUps: FollowUpPolicy(settings: followUps), origin: origin)
    }

    var policy: Policy {
        Policy(directory: AgentDirectory(agents.map {
            AgentDirectory.Agent(account: $0.account, teams: Set($0.teams), role: AgentDirectory.Role(rawValue: $0.role.rawValue) ?? .agent)
        }))
    }
}
