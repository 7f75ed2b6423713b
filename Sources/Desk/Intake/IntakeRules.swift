public import Foundation

/// What the desk does with a message the moment it is stored, decided inside the transaction that
/// stores it. Routing used to run after the commit, in a detached task, with a sweeper re-reading the
/// tickets table for what a crash or another process left unrouted; now a stored ticket is routed,
/// timed and (for an auto-reply) closed in the same commit, and the desk only renders and posts.
public struct IntakeRules: Sendable {
    public var router: TicketRouter
    public var followUps: FollowUpPolicy
    /// Which intake stored the message (`serve`, `ingest-email`), logged with the route: a desk posts
    /// its own tickets as it commits them and finds the others' by this mark in the event log.
    public var origin: String

    public init(router: TicketRouter, followUps: FollowUpPolicy, origin: String) {
        self.router = router
        self.followUps = followUps
        self.origin = origin
    }

    /// The plan for one stored message.
    ///
    /// - A new ticket is routed, starts its first-response clock (none for `no_action`: nobody owes an
    ///   answer) and, on WhatsApp, the window warning; a certain `no_action` (an auto-reply, or "thanks"
    ///   right after our reply) is closed instead and never posted.
    /// - A message on an existing ticket restarts the WhatsApp window warning.
    public func plan(for facts: IntakeFacts) -> IntakePlan {
        let ticket = facts.ticket
        var timers: [PlannedTimer] = []
        if ticket.channel == .whatsapp {
            timers.append(PlannedTimer(kind: .windowReminder, dueAt: followUps.windowWarningDue(after: facts.now)))
        }
        guard facts.isNewTicket else { return .followOn(timers: timers) }
        let isNoAction = ticket.category == .noAction
        if isNoAction, NoActionPolicy.closesByItself(facts.message, confidence: ticket.confidence ?? 0,
                                                     lastReplyToCustomer: facts.lastReplyToCustomer, now: facts.now) {
            return .close(resolution: Self.automaticClosing)
        }
        let decision = router.route(RoutingFacts(
            category: ticket.category ?? .support, urgency: ticket.urgency, source: facts.message.channel,
            lang: ticket.lang ?? "und", plan: facts.customer?.plan, text: facts.message.text))
        if isNoAction { return .route(decision, timers: []) }
        timers.insert(PlannedTimer(kind: .firstResponse, dueAt: followUps.firstResponseDue(for: ticket)), at: 0)
        return .route(decision, timers: timers)
    }

    /// The resolution logged when a `no_action` ticket closes by itself.
    public static let automaticClosing = "no_action: closed automatically"
}
