import Desk
import Testing

@Suite("TicketRouter")
struct TicketRouterTests {
    static let router = TicketRouter(rules: [
        RoutingRule(name: "routing[0]", match: .init(categories: [.churnRisk]), channel: "#churn", team: "cs", owner: "founder", cc: ["#support"]),
        RoutingRule(name: "routing[1]", match: .init(categories: [.billing]), channel: "#finance", team: "finance", owner: "founder"),
        RoutingRule(name: "routing[2]", match: .init(categories: [.bugReport], urgencies: [.high]), channel: "#eng", team: "eng", owner: "techlead", mention: true),
        RoutingRule(name: "routing[3]", match: .init(sources: [.email], languages: ["ar"], keywords: ["invoice", "فاتورة"]), channel: "#finance-ar", team: "finance"),
        RoutingRule(name: "routing[4]", match: .init(plans: ["Enterprise"]), channel: "#vip", team: "cs"),
        RoutingRule(name: "routing[5]", isDefault: true, channel: "#support", team: "support"),
    ], fallbackChannel: "#support")

    static func facts(_ category: Category, urgency: Urgency = .normal, source: Channel = .whatsapp, lang: String = "en",
                      plan: String? = nil, text: String = "hello") -> RoutingFacts {
        RoutingFacts(category: category, urgency: urgency, source: source, lang: lang, plan: plan, text: text)
    }

    @Test("the first matching rule wins, and the decision names it")
    func firstMatchWins() {
        let decision = Self.router.route(Self.facts(.billing, plan: "Enterprise"))
        #expect(decision.rule == "routing[1]")
        #expect(decision.channel == "#finance")
        #expect(decision.owner == "founder")
    }

    @Test("all given keys must match")
    func allKeysMustMatch() {
        #expect(Self.router.route(Self.facts(.bugReport)).rule == "routing[5]", "normal-urgency bug falls through to default")
        let urgent = Self.router.route(Self.facts(.bugReport, urgency: .high))
        #expect(urgent.rule == "routing[2]")
        #expect(urgent.mention)
    }

    @Test("language prefix, source and keywords (any) match")
    func languageAndKeywords() {
        #expect(Self.router.route(Self.facts(.support, source: .email, lang: "ar", text: "أين الفاتورة؟")).rule == "routing[3]")
        #expect(Self.router.route(Self.facts(.support, source: .email, lang: "ar-Latn", text: "fen el INVOICE")).rule == "routing[3]")
        #expect(Self.router.route(Self.facts(.support, source: .whatsapp, lang: "ar", text: "invoice")).rule == "routing[5]")
        #expect(Self.router.route(Self.facts(.support, source: .email, lang: "en", text: "invoice")).rule == "routing[5]")
    }

    @Test("every churn_risk ticket reaches the churn channel, whichever rule matched")
    func churnAlwaysWatched() {
        let direct = Self.router.route(Self.facts(.churnRisk))
        #expect(direct.channels == ["#churn", "#support"])
        let viaVIP = TicketRouter(rules: [
            RoutingRule(name: "vip", match: .init(plans: ["Enterprise"]), channel: "#vip"),
            RoutingRule(name: "churn", match: .init(categories: [.churnRisk]), channel: "#churn"),
        ], fallbackChannel: "#support").route(Self.facts(.churnRisk, plan: "enterprise"))
        #expect(viaVIP.rule == "vip")
        #expect(viaVIP.channels == ["#vip", "#churn"])
    }

    @Test("no rule and no default: the fallback channel, named as such")
    func fallback() {
        let decision = TicketRouter(rules: [], fallbackChannel: "#desk").route(Self.facts(.support))
        #expect(decision == RouteDecision(rule: "fallback", channel: "#desk"))
    }
}
