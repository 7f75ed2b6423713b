import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import Store

extension WebhookApplication {
    /// The HTTP server as `serve` runs it: the process-wide metrics registry (bootstrapped here, once, so
    /// other libraries' swift-metrics land on the same `/metrics` page) and the config's bind address.
    /// - Important: call at most once per process; swift-metrics traps on a second bootstrap.
    static func makeService(
        config: SwitchboardConfig, database: AppDatabase, intake: IntakePipeline,
        ircState: @escaping @Sendable () async -> String
    ) -> any Service {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let services = WebhookServices(database: database, intake: intake, metrics: WebhookMetrics(registry: registry), ircState: ircState)
        return build(settings: WebhookServerSettings(config: config), services: services, logger: Logger(label: "switchboard.http"))
    }
}
