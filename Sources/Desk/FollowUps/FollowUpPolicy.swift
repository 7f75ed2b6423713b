public import Foundation
import WhatsApp

/// Decides which follow-up timers a ticket needs and what a timer does when it fires.
///
/// Timers are only reminders to look again: every decision is made from the ticket as it is when the
/// timer fires, so a timer that was not cancelled in time (the customer wrote, an agent replied) does
/// nothing rather than nag.
public struct FollowUpPolicy: Sendable {
    public var settings: FollowUpSettings

    public init(settings: FollowUpSettings) {
        self.settings = settings
    }

    /// When an unanswered ticket breaches its first-response SLA, in business time.
    public func firstResponseDue(for ticket: Ticket) -> Date {
        let target = settings.levels.firstResponseTarget(category: ticket.category, urgency: ticket.urgency)
        return settings.hours.adding(target.timeInterval, to: ticket.createdAt)
    }

    /// When to warn about the WhatsApp window after the customer's message at `lastInbound`.
    public func windowWarningDue(after lastInbound: Date) -> Date {
        WhatsAppWindow.reminderAt(lastInbound: lastInbound, lead: settings.windowWarning.timeInterval)
    }

    /// When to nudge the owner if the customer stays silent after our reply at `reply`.
    public func awaitingCustomerDue(after reply: Date) -> Date {
        reply.addingTimeInterval(settings.awaitingCustomer.timeInterval)
    }

    public func decide(_ kind: TimerKind, facts: FollowUpFacts, now: Date) -> FollowUpDecision {
        let ticket = facts.ticket
        guard ticket.state != .closed else { return .nothing(reason: "closed") }
        if kind != .snooze, let until = facts.snoozedUntil, until > now { return .deferUntil(until) }
        switch kind {
        case .snooze:
            return .snoozeEnded
        case .firstResponse:
            if facts.lastHumanOutbound != nil { return .nothing(reason: "answered") }
            if ticket.owner != nil { return .nothing(reason: "claimed") }
            let due = firstResponseDue(for: ticket)
            return .escalateFirstResponse(overdueBy: .seconds(max(0, settings.hours.businessTime(from: due, to: now))))
        case .windowReminder:
            guard ticket.channel == .whatsapp, let lastInbound = facts.lastInbound else { return .nothing(reason: "no window") }
            guard WhatsAppWindow.isOpen(lastInbound: lastInbound, now: now) else { return .nothing(reason: "window already closed") }
            // A newer customer message moved the window; its own timer will warn.
            guard windowWarningDue(after: lastInbound) <= now.addingTimeInterval(1) else { return .nothing(reason: "window renewed") }
            return .warnWindowClosing(closesAt: WhatsAppWindow.closesAt(lastInbound: lastInbound))
        case .followUp:
            guard let reply = facts.lastHumanOutbound else { return .nothing(reason: "no reply yet") }
            if let inbound = facts.lastInbound, inbound > reply { return .nothing(reason: "the customer answered") }
            let silent = now.timeIntervalSince(reply)
            guard silent + 1 >= settings.awaitingCustomer.timeInterval else { return .nothing(reason: "reply was renewed") }
            return .nudgeAwaitingCustomer(silentFor: .seconds(silent))
        default:
            return .nothing(reason: "unknown timer kind \(kind)")
        }
    }
}
