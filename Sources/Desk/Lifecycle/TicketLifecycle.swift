/// The ticket state machine. Pure: it decides the next state, and storage applies it with the event log
/// entry in one transaction.
///
/// ```
/// new ──triaged──▶ open ──claimed/assigned──▶ claimed ──replied──▶ awaiting_customer
///                   ▲  ◀──────unclaimed──────                          │
///   (an owner stays through every state until unclaim or assign; nobody else's claim moves it)
///                   └──────────── customer wrote (no owner) ───────────┤
///                                 customer wrote (owner) ─▶ claimed ◀──┘
/// any non-closed ──closed──▶ closed ──reopened──▶ open
/// ```
/// Anything else is refused with a ``LifecycleError`` whose reason can go straight to the agent.
public enum TicketLifecycle {
    /// The state after `event`, or a refusal.
    /// - Parameters:
    ///   - ticketID: only used to word the refusal.
    ///   - owner: who holds the ticket now (claimant or assignee), if anyone. A customer writing to a
    ///     ticket someone holds puts it back in their hands (`claimed`), otherwise into the queue (`open`).
    public static func transition(
        from state: TicketState, event: LifecycleEvent, ticketID: Int64? = nil, owner: String? = nil
    ) throws -> TicketState {
        func refuse(_ refusal: LifecycleError.Refusal) -> LifecycleError {
            LifecycleError(refusal, ticketID: ticketID, state: state, event: event)
        }

        switch (state, event) {
        case (.closed, .closed):
            throw refuse(.alreadyClosed)
        case (_, .closed):
            return .closed
        case (.closed, .reopened):
            return .open
        case (_, .reopened):
            throw refuse(.notClosed)
        case (.closed, _):
            throw refuse(.closedNeedsReopen)

        case (.new, .triaged):
            return .open
        case (_, .triaged):
            throw refuse(.alreadyTriaged)

        // An owner keeps the ticket through every state (awaiting the customer, closed and reopened)
        // until they unclaim it or a lead assigns it: a claim never takes it from them.
        case (_, .claimed(let agent)):
            guard let owner else { return .claimed }
            guard owner.lowercased() == agent.lowercased() else { throw refuse(.claimedByOther(owner)) }
            if state == .open { return .claimed }
            throw refuse(.alreadyHeld(by: agent))

        case (.claimed, .assigned(let agent)) where owner == agent:
            throw refuse(.alreadyHeld(by: agent))
        case (_, .assigned):
            return .claimed

        case (_, .unclaimed):
            guard state == .claimed || owner != nil else { throw refuse(.notClaimed) }
            return state == .claimed ? .open : state

        case (_, .replied):
            return .awaitingCustomer

        case (.awaitingCustomer, .customerWrote):
            return owner == nil ? .open : .claimed
        case (_, .customerWrote):
            return state
        }
    }

    /// Convenience over ``transition(from:event:ticketID:owner:)`` for a loaded ticket.
    public static func transition(_ ticket: Ticket, event: LifecycleEvent) throws -> TicketState {
        try transition(from: ticket.state, event: event, ticketID: ticket.id, owner: ticket.owner)
    }
}
