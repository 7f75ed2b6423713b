public import Foundation
import Desk

/// What one retention run erased (or, for a dry run, would erase). Counts only: the erased counts are
/// also the detail of the audit event each batch logs, which must not keep what it removed.
public struct RetentionSummary: Sendable, Hashable, Codable {
    /// Tickets closed, and last touched, before this moment were in scope.
    public var cutoff: Date
    /// Tickets whose messages and texts were erased. Their rows stay, for reports.
    public var tickets: Int
    /// Inbound and outbound message rows.
    public var messages: Int
    /// Outbox rows of settled sends (sent or failed).
    public var outbox: Int
    /// Triage corrections that held a copy of an erased customer message.
    public var corrections: Int
    /// Log entries kept without their free text (a draft's or note's text, a resolution, a provider error).
    public var redactedEvents: Int
    /// Old closed tickets left whole because a send is pending, in flight or awaiting an agent's decision.
    public var waitingOnSends: Int

    public init(cutoff: Date, tickets: Int = 0, messages: Int = 0, outbox: Int = 0, corrections: Int = 0,
                redactedEvents: Int = 0, waitingOnSends: Int = 0) {
        self.cutoff = cutoff
        self.tickets = tickets
        self.messages = messages
        self.outbox = outbox
        self.corrections = corrections
        self.redactedEvents = redactedEvents
        self.waitingOnSends = waitingOnSends
    }

    enum CodingKeys: String, CodingKey {
        case cutoff, tickets, messages, outbox, corrections
        case redactedEvents = "redacted_events"
        case waitingOnSends = "waiting_on_sends"
    }

    /// Adds one batch's erasures to a run's.
    mutating func add(_ batch: RetentionSummary) {
        tickets += batch.tickets
        messages += batch.messages
        outbox += batch.outbox
        corrections += batch.corrections
        redactedEvents += batch.redactedEvents
    }

    /// True when the run found nothing to erase.
    public var isEmpty: Bool { tickets == 0 }

    /// The audit event's detail: what was erased, and the cutoff as RFC 3339.
    var eventDetail: [String: String] {
        [
            "cutoff": Timestamp.rfc3339(cutoff), "tickets": String(tickets), "messages": String(messages),
            "outbox": String(outbox), "corrections": String(corrections), "redacted_events": String(redactedEvents),
        ]
    }
}
