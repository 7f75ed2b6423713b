/// The exactly-once states of an outbox row.
///
/// `pending` → `in_flight` is committed *before* the request is written, so after a crash an
/// `in_flight` row means "the provider may have it": it becomes `unknown`, never `pending` again unless
/// a person says so.
public enum OutboxState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Waiting for its `nextAttemptAt`.
    case pending
    /// A worker owns it and may have written the request.
    case inFlight = "in_flight"
    /// The provider accepted it.
    case sent
    /// The provider refused it for good, or retries ran out.
    case failed
    /// The request may or may not have taken effect; an agent decides.
    case unknown
}
