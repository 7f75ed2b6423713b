/// A transition the lifecycle refuses, with a reason written for the agent who asked
/// ("#42 is closed; reopen it first"). A struct around a private enum so that new refusals do not
/// break callers.
public struct LifecycleError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Refusal: Hashable {
        case alreadyClosed
        case closedNeedsReopen
        case notClosed
        case alreadyTriaged
        case alreadyHeld(by: String)
        case claimedByOther(String)
        case notClaimed
    }

    let refusal: Refusal
    /// The ticket, when the caller said which one.
    public let ticketID: Int64?
    /// The state the ticket was in.
    public let state: TicketState
    /// ``LifecycleEvent/name`` of the refused event.
    public let event: String

    init(_ refusal: Refusal, ticketID: Int64?, state: TicketState, event: LifecycleEvent) {
        self.refusal = refusal
        self.ticketID = ticketID
        self.state = state
        self.event = event.name
    }

    /// The refusal in plain words, ready to send to IRC.
    public var reason: String {
        let ticket = ticketID.map { "#\($0)" } ?? "the ticket"
        switch refusal {
        case .alreadyClosed: return "\(ticket) is already closed"
        case .closedNeedsReopen: return "\(ticket) is closed; reopen it first"
        case .notClosed: return "\(ticket) is not closed (it is \(state.words)); nothing to reopen"
        case .alreadyTriaged: return "\(ticket) has already been triaged (it is \(state.words))"
        case .alreadyHeld(let owner): return "\(ticket) is already held by \(owner)"
        case .claimedByOther(let owner): return "\(ticket) is claimed by \(owner); ask them, or a lead can assign it"
        case .notClaimed: return "\(ticket) is not claimed (it is \(state.words))"
        }
    }

    public var description: String { reason }
}
