public import Foundation

/// What to do when a follow-up timer fires.
public enum FollowUpDecision: Sendable, Hashable {
    /// The reason the timer was set no longer holds (the customer wrote, someone answered, it closed).
    case nothing(reason: String)
    /// The ticket is snoozed: fire again when the snooze ends.
    case deferUntil(Date)
    /// The customer has been silent since our reply: remind the owner of the options.
    case nudgeAwaitingCustomer(silentFor: Duration)
    /// The WhatsApp window closes soon on an unresolved ticket.
    case warnWindowClosing(closesAt: Date)
    /// Nobody has answered within the first-response SLA: post again and call a lead.
    case escalateFirstResponse(overdueBy: Duration)
    /// A snooze ended: bring the ticket back to its owner's attention.
    case snoozeEnded
}
