import Prometheus
import WhatsApp

/// The webhook counters and the ingest latency histogram, registered in one Prometheus registry.
///
/// Made straight from a `PrometheusCollectorRegistry` rather than through the global `MetricsSystem`, so
/// each test gets its own registry and can read exact values; `serve` also bootstraps `MetricsSystem`
/// with the same registry, so metrics of other libraries land on the same `/metrics` page.
struct WebhookMetrics: Sendable {
    /// Which endpoint a count belongs to (the `endpoint` label).
    enum Endpoint: String, Sendable, CaseIterable {
        case twilio
        case twilioStatus = "twilio_status"
        case meta
        case email
    }

    /// Why a webhook was refused (the `reason` label). Each one is a different operator problem: a wrong
    /// secret shows up as `signature`, a full disk as `storage`.
    enum Rejection: String, Sendable, CaseIterable {
        case tooLarge = "too_large"
        case signature
        case unauthorized
        case malformed
        case storage
    }

    let registry: PrometheusCollectorRegistry
    private let received: [Endpoint: Counter]
    private let duplicates: [Endpoint: Counter]
    private let rejected: [Endpoint: [Rejection: Counter]]
    private let stored: Counter
    private let statusesApplied: Counter
    private let healthChecks: Counter
    private let ingestLatency: DurationHistogram
    private let foreignNumbers: [WhatsAppProvider: Counter]

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        func descriptor(_ name: String, unit: String = "total", help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(namespace: "switchboard", metricName: name, unitName: unit, helpText: help)
        }
        let receivedName = descriptor("webhooks_received", help: "Webhook requests that reached a configured endpoint.")
        let duplicateName = descriptor("webhooks_duplicate", help: "Messages already stored (provider retries); answered 200, nothing written.")
        let rejectedName = descriptor("webhooks_rejected", help: "Webhook requests refused, by reason.")
        var received: [Endpoint: Counter] = [:]
        var duplicates: [Endpoint: Counter] = [:]
        var rejected: [Endpoint: [Rejection: Counter]] = [:]
        for endpoint in Endpoint.allCases {
            received[endpoint] = registry.makeCounter(descriptor: receivedName, labels: [("endpoint", endpoint.rawValue)])
            duplicates[endpoint] = registry.makeCounter(descriptor: duplicateName, labels: [("endpoint", endpoint.rawValue)])
            for reason in Rejection.allCases {
                rejected[endpoint, default: [:]][reason] = registry.makeCounter(
                    descriptor: rejectedName, labels: [("endpoint", endpoint.rawValue), ("reason", reason.rawValue)])
            }
        }
        self.received = received
        self.duplicates = duplicates
        self.rejected = rejected
        self.stored = registry.makeCounter(descriptor: descriptor("messages_stored", help: "New inbound WhatsApp messages committed."))
        self.statusesApplied = registry.makeCounter(
            descriptor: descriptor("delivery_statuses", help: "Delivery status reports received for outbound messages."))
        let foreignName = descriptor(
            "webhook_foreign_number", help: "WhatsApp messages and statuses for a number that is not configured; answered 200, ignored.")
        self.foreignNumbers = Dictionary(uniqueKeysWithValues: WhatsAppProvider.allCases.map { provider in
            (provider, registry.makeCounter(descriptor: foreignName, labels: [("provider", provider.rawValue)]))
        })
        self.healthChecks = registry.makeCounter(
            descriptor: descriptor("health_write_checks", help: "Database write checks run for /healthz (at most one a second)."))
        self.ingestLatency = registry.makeDurationHistogram(
            descriptor: descriptor("ingest_duration", unit: "seconds", help: "Time to triage and durably commit one inbound message."),
            buckets: [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                      .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10)])
    }

    func didReceive(_ endpoint: Endpoint) { received[endpoint]?.increment() }
    func didReject(_ endpoint: Endpoint, _ reason: Rejection) { rejected[endpoint]?[reason]?.increment() }
    func didStore() { stored.increment() }
    func didSkipDuplicate(_ endpoint: Endpoint) { duplicates[endpoint]?.increment() }
    func didApplyStatus() { statusesApplied.increment() }
    func didIngest(in duration: Duration) { ingestLatency.record(duration) }
    func didIgnoreForeignNumber(_ provider: WhatsAppProvider) { foreignNumbers[provider]?.increment() }
    func didCheckHealth() { healthChecks.increment() }

    /// The Prometheus text exposition of everything in the registry.
    func exposition() -> String { registry.emitToString() }
}
