import Logging
import Store

/// The live parts the handlers work with. Everything is injected so that tests run the real router over
/// an in-memory or deliberately broken database, with their own metrics registry and listener.
struct WebhookServices: Sendable {
    var database: AppDatabase
    /// The only way a message gets in: triage, one transaction, then the desk's listener.
    var intake: IntakePipeline
    var metrics: WebhookMetrics
    /// The IRC connection as `/healthz` reports it: `connected`, `connecting` or `disconnected`.
    var ircState: @Sendable () async -> String
    /// `/healthz`'s database write check, shared by all requests and run at most once a second.
    let health: HealthProbe

    init(database: AppDatabase, intake: IntakePipeline, metrics: WebhookMetrics, ircState: @escaping @Sendable () async -> String,
         logger: Logger = Logger(label: "switchboard.http")) {
        self.database = database
        self.intake = intake
        self.metrics = metrics
        self.ircState = ircState
        health = HealthProbe(database: database, logger: logger, onCheck: { metrics.didCheckHealth() })
    }
}
