/// The storage operations the intake, the IRC command executor and the follow-up scheduler call.
/// Small on purpose: enough to fake in a test without a database. `Store.AppDatabase` is the real one.
public protocol TicketStore: Sendable {
    /// Stores one inbound message durably (see `AppDatabase.ingest` for the threading rules).
    /// `reopenWithin` is the caller's reopen window; nil reports a closed ticket instead of reopening it.
    /// `rules` route, time or close the ticket in the same transaction.
    func ingest(_ inbound: InboundMessage, triage: TriageSummary?, reopenWithin: Duration?, rules: IntakeRules?) async throws -> IngestOutcome
    /// Group commit: every message in one transaction, each in its own savepoint; results in order.
    func ingest(batch: [IngestRequest], reopenWithin: Duration?, rules: IntakeRules?) async throws -> [Result<IngestOutcome, any Error>]
    func ticket(id: Int64) async throws -> Ticket?
    /// Messages in conversation order (provider time, else stored time).
    func messages(ticketID: Int64) async throws -> [Message]
    /// The ticket's event log, oldest first.
    func history(ticketID: Int64) async throws -> [TicketEvent]
    func queue(_ filter: QueueFilter, limit: Int, offset: Int) async throws -> [TicketSummary]
    /// Applies a lifecycle event; throws ``LifecycleError`` with a reason for the agent when refused.
    func apply(_ event: LifecycleEvent, toTicket ticketID: Int64, actor: String) async throws -> Ticket
    func route(ticketID: Int64, decision: RouteDecision, actor: String) async throws -> Ticket
    func appendEvent(ticketID: Int64?, actor: String, kind: EventKind, detail: [String: String]) async throws -> TicketEvent
}

extension TicketStore {
    /// Ingest without a reopen window: a closed ticket is reported, never reopened.
    public func ingest(_ inbound: InboundMessage, triage: TriageSummary?) async throws -> IngestOutcome {
        try await ingest(inbound, triage: triage, reopenWithin: nil, rules: nil)
    }
}
