public import Foundation

/// What the follow-up policy needs to know about a ticket at the moment a timer fires.
public struct FollowUpFacts: Sendable, Hashable {
    public var ticket: Ticket
    public var lastInbound: Date?
    /// The last reply a person sent (automatic confirmations do not count as a first response).
    public var lastHumanOutbound: Date?
    /// The end of the ticket's snooze, when one is pending.
    public var snoozedUntil: Date?

    public init(ticket: Ticket, lastInbound: Date?, lastHumanOutbound: Date?, snoozedUntil: Date?) {
        self.ticket = ticket
        self.lastInbound = lastInbound
        self.lastHumanOutbound = lastHumanOutbound
        self.snoozedUntil = snoozedUntil
    }
}
