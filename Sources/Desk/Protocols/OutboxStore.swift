/// The outbox operations a sender worker needs, in exactly-once order: enqueue → claim (commits
/// `in_flight` before the request) → record result; `recoverInFlightOutbox` at startup.
public protocol OutboxStore: Sendable {
    func enqueueOutbound(_ draft: OutboundDraft, lifecycle: LifecycleEvent?) async throws -> OutboxItem
    func claimNextOutbox(channel: Channel?) async throws -> OutboxItem?
    func recordOutboxResult(id: Int64, _ result: OutboxResult) async throws -> OutboxItem
    /// Turns rows left `in_flight` by a crash into `unknown` and returns them; never resends.
    func recoverInFlightOutbox() async throws -> [OutboxItem]
}
