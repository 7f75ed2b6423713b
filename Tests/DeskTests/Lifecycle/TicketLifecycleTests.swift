import Desk
import Testing

@Suite struct TicketLifecycleTests {
    @Test(arguments: [
        (TicketState.new, LifecycleEvent.triaged, TicketState.open),
        (.open, .claimed(by: "aisha"), .claimed),
        (.new, .claimed(by: "aisha"), .claimed),
        (.awaitingCustomer, .claimed(by: "aisha"), .claimed),
        (.open, .assigned(to: "aisha"), .claimed),
        (.claimed, .unclaimed, .open),
        (.claimed, .replied, .awaitingCustomer),
        (.open, .replied, .awaitingCustomer),
        (.awaitingCustomer, .replied, .awaitingCustomer),
        (.open, .customerWrote, .open),
        (.new, .customerWrote, .new),
        (.claimed, .customerWrote, .claimed),
        (.new, .closed(), .closed),
        (.open, .closed(resolution: "refunded"), .closed),
        (.claimed, .closed(), .closed),
        (.awaitingCustomer, .closed(), .closed),
        (.closed, .reopened, .open),
    ])
    func allowed(from: TicketState, event: LifecycleEvent, to: TicketState) throws {
        #expect(try TicketLifecycle.transition(from: from, event: event, ticketID: 42) == to)
    }

    @Test func customerWritingWhileAwaitingGoesBackToTheHolderOrTheQueue() throws {
        #expect(try TicketLifecycle.transition(from: .awaitingCustomer, event: .customerWrote, owner: "aisha") == .claimed)
        #expect(try TicketLifecycle.transition(from: .awaitingCustomer, event: .customerWrote, owner: nil) == .open)
    }

    @Test func reassigningToSomeoneElseIsAllowed() throws {
        #expect(try TicketLifecycle.transition(from: .claimed, event: .assigned(to: "techlead"), owner: "aisha") == .claimed)
    }

    @Test(arguments: [
        (TicketState.closed, LifecycleEvent.claimed(by: "aisha"), "#42 is closed; reopen it first"),
        (.closed, .replied, "#42 is closed; reopen it first"),
        (.closed, .customerWrote, "#42 is closed; reopen it first"),
        (.closed, .unclaimed, "#42 is closed; reopen it first"),
        (.closed, .closed(), "#42 is already closed"),
        (.open, .reopened, "#42 is not closed (it is open); nothing to reopen"),
        (.awaitingCustomer, .reopened, "#42 is not closed (it is awaiting the customer); nothing to reopen"),
        (.open, .triaged, "#42 has already been triaged (it is open)"),
        (.open, .unclaimed, "#42 is not claimed (it is open)"),
    ])
    func refused(from: TicketState, event: LifecycleEvent, reason: String) {
        let error = #expect(throws: LifecycleError.self) {
            try TicketLifecycle.transition(from: from, event: event, ticketID: 42)
        }
        #expect(error?.reason == reason)
        #expect(error?.state == from)
        #expect(error?.event == event.name)
    }

    @Test func claimingAClaimedTicketNamesTheHolder() {
        let byOther = #expect(throws: LifecycleError.self) {
            try TicketLifecycle.transition(from: .claimed, event: .claimed(by: "aisha"), ticketID: 7, owner: "techlead")
        }
        #expect(byOther?.reason == "#7 is claimed by techlead; ask them, or a lead can assign it")
        let bySelf = #expect(throws: LifecycleError.self) {
            try TicketLifecycle.transition(from: .claimed, event: .claimed(by: "aisha"), ticketID: 7, owner: "aisha")
        }
        #expect(bySelf?.reason == "#7 is already held by aisha")
    }

    /// The holder keeps the ticket after replying and after a reopen: a colleague's `claim` is refused
    /// in every state, and only unclaim or assign moves it.
    @Test(arguments: [TicketState.open, .claimed, .awaitingCustomer])
    func anOwnedTicketIsNeverClaimedAway(state: TicketState) {
        let error = #expect(throws: LifecycleError.self) {
            try TicketLifecycle.transition(from: state, event: .claimed(by: "mallory"), ticketID: 7, owner: "aisha")
        }
        #expect(error?.reason == "#7 is claimed by aisha; ask them, or a lead can assign it")
        #expect((try? TicketLifecycle.transition(from: state, event: .assigned(to: "mallory"), ticketID: 7, owner: "aisha")) == .claimed)
    }

    @Test func theOwnerReclaimsAReopenedTicketAndMayUnclaimInAnyState() throws {
        #expect(try TicketLifecycle.transition(from: .open, event: .claimed(by: "Aisha"), owner: "aisha") == .claimed)
        #expect(throws: LifecycleError.self) {
            try TicketLifecycle.transition(from: .awaitingCustomer, event: .claimed(by: "aisha"), owner: "aisha")
        }
        #expect(try TicketLifecycle.transition(from: .awaitingCustomer, event: .unclaimed, owner: "aisha") == .awaitingCustomer)
        #expect(try TicketLifecycle.transition(from: .open, event: .unclaimed, owner: "aisha") == .open)
    }

    @Test func reasonWithoutATicketNumber() {
        let error = #expect(throws: LifecycleError.self) {
            try TicketLifecycle.transition(from: .closed, event: .replied)
        }
        #expect(error?.description == "the ticket is closed; reopen it first")
    }

    /// Every state/event pair either succeeds or throws a reason; closed only ever leads to open.
    @Test func closedOnlyLeadsToOpen() {
        let events: [LifecycleEvent] = [.triaged, .claimed(by: "a"), .assigned(to: "a"), .unclaimed, .replied, .customerWrote, .closed(), .reopened]
        for event in events {
            let next = try? TicketLifecycle.transition(from: .closed, event: event)
            if case .reopened = event { #expect(next == .open) } else { #expect(next == nil) }
        }
        for state in TicketState.allCases where state != .closed {
            #expect((try? TicketLifecycle.transition(from: state, event: .closed())) == .closed)
        }
    }
}
