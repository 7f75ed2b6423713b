import Desk
import Logging
import ServiceLifecycle
import Store

/// Applies `retention.messages` while `serve` runs: once at start-up, then every `interval`. A ticket
/// crosses the cutoff at some moment of the day, so an hourly run keeps nothing more than an hour past
/// its time; each run is one short transaction that finds nothing once the backlog is gone.
struct RetentionService: Service {
    let database: AppDatabase
    let keepMessagesFor: Duration
    let logger: Logger
    var interval: Duration = .seconds(3600)

    func run() async throws {
        await repeatUntilShutdown(every: interval) { isFirst in await runOnce(announce: isFirst) }
    }

    /// One run, logged with its counts. Runs that erase nothing are logged at debug, except the first,
    /// so the log shows at start-up that the policy is on.
    func runOnce(announce: Bool) async {
        do {
            let summary = try await database.eraseExpiredMessages(olderThan: keepMessagesFor)
            let metadata: Logger.Metadata = [
                "cutoff": "\(Timestamp.rfc3339(summary.cutoff))", "tickets": "\(summary.tickets)", "messages": "\(summary.messages)",
                "outbox": "\(summary.outbox)", "corrections": "\(summary.corrections)", "redacted_events": "\(summary.redactedEvents)",
                "waiting_on_sends": "\(summary.waitingOnSends)",
            ]
            let message: Logger.Message = "retention: erased the messages of \(summary.tickets) tickets closed over \(ReportFormat.duration(keepMessagesFor)) ago"
            logger.log(level: announce || !summary.isEmpty ? .info : .debug, message, metadata: metadata)
        } catch {
            logger.error("retention failed: \(error)")
        }
    }
}
