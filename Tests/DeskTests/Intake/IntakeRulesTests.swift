import Desk
import Foundation
import Testing

@Suite("IntakeRules")
struct IntakeRulesTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static let rules = IntakeRules(
        router: TicketRouter(rules: [
            RoutingRule(name: "routing[0]", match: .init(categories: [.billing]), channel: "#billing", team: "billing"),
            RoutingRule(name: "routing[1]", isDefault: true, channel: "#support", team: "support"),
        ], fallbackChannel: "#support"),
        followUps: FollowUpPolicy(settings: FollowUpSettings()), origin: "test")

    static func ticket(_ category: Desk.Category, channel: Channel = .whatsapp, confidence: Double = 0.95) -> Ticket {
        Ticket(id: 7, customerID: 3, state: .open, category: category, confidence: confidence, urgency: .normal, lang: "en",
               channel: channel, createdAt: now, updatedAt: now)
    }

    static func facts(_ ticket: Ticket, text: String = "my invoice is wrong", isNew: Bool = true, autoReply: Bool = false,
                      lastReply: Date? = nil) -> IntakeFacts {
        let message = InboundMessage(channel: ticket.channel, providerID: "m1",
                                     contact: ticket.channel == .email ? .email("pat@example.com") : .phone("+971501232233"),
                                     text: text, isAutoReply: autoReply)
        return IntakeFacts(ticket: ticket, customer: nil, message: message, isNewTicket: isNew, lastReplyToCustomer: lastReply, now: now)
    }

    @Test("a new WhatsApp ticket is routed by the first matching rule and gets its SLA clock and window warning")
    func newWhatsAppTicket() {
        let plan = Self.rules.plan(for: Self.facts(Self.ticket(.billing)))
        guard case .route(let decision, let timers) = plan else { Issue.record("not routed: \(plan)"); return }
        #expect(decision.rule == "routing[0]")
        #expect(decision.channel == "#billing")
        #expect(timers.map(\.kind) == [.firstResponse, .windowReminder])
        // Default settings: the warning comes 2 h before the 24-hour window closes.
        #expect(timers.last?.dueAt == Self.now.addingTimeInterval(22 * 3600))
    }

    @Test("email has no window warning; a message on an existing ticket only restarts the window")
    func emailAndFollowOn() {
        #expect(Self.rules.plan(for: Self.facts(Self.ticket(.support, channel: .email))).timers.map(\.kind) == [.firstResponse])
        #expect(Self.rules.plan(for: Self.facts(Self.ticket(.support), isNew: false)) == .followOn(timers: [
            PlannedTimer(kind: .windowReminder, dueAt: Self.now.addingTimeInterval(22 * 3600)),
        ]))
        #expect(Self.rules.plan(for: Self.facts(Self.ticket(.support, channel: .email), isNew: false)) == .followOn(timers: []))
    }

    @Test("an auto-reply closes by itself; an unsure no_action is routed without an SLA clock")
    func noAction() {
        #expect(Self.rules.plan(for: Self.facts(Self.ticket(.noAction), text: "Out of office", autoReply: true))
            == .close(resolution: IntakeRules.automaticClosing))
        let thanks = Self.rules.plan(for: Self.facts(Self.ticket(.noAction), text: "thanks!", lastReply: Self.now.addingTimeInterval(-60)))
        #expect(thanks == .close(resolution: IntakeRules.automaticClosing), "a pleasantry right after our reply")
        let outOfTheBlue = Self.rules.plan(for: Self.facts(Self.ticket(.noAction, channel: .email), text: "thanks!"))
        guard case .route(let decision, let timers) = outOfTheBlue else { Issue.record("closed: \(outOfTheBlue)"); return }
        #expect(decision.channel == "#support")
        #expect(timers.isEmpty, "nobody owes a no_action ticket an answer")
    }
}
