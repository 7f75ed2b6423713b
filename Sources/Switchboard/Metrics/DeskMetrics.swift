import Desk
import Metrics

/// The desk's counters and gauges, through swift-metrics: `serve` bootstraps Prometheus, so these land
/// on `/metrics` next to the webhook counters; elsewhere (tests, one-shot commands) they cost nothing.
///
/// Metric objects are looked up by name on each use rather than held, because `serve` builds the desk
/// before it bootstraps the metrics system and a held object would stay the no-op one.
enum DeskMetrics {
    static func triaged(_ category: Desk.Category?) {
        Counter(label: "switchboard_messages_triaged_total", dimensions: [("category", category?.rawValue ?? "none")]).increment()
    }

    static func routed(_ category: Desk.Category?) {
        Counter(label: "switchboard_tickets_routed_total", dimensions: [("category", category?.rawValue ?? "none")]).increment()
    }

    /// One outbound attempt's outcome: `sent`, `retry`, `failed` or `unknown`.
    static func outbound(_ channel: Channel, result: String, duration: Duration) {
        Counter(label: "switchboard_outbound_total", dimensions: [("channel", channel.rawValue), ("result", result)]).increment()
        Metrics.Timer(label: "switchboard_outbound_send_seconds", dimensions: [("channel", channel.rawValue)]).recordNanoseconds(
            duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    static func sample(outboxPending: Int, outboxUnknown: Int, ircConnected: Bool, ircLag: Duration?) {
        Gauge(label: "switchboard_outbox_depth", dimensions: [("state", "pending")]).record(outboxPending)
        Gauge(label: "switchboard_outbox_depth", dimensions: [("state", "unknown")]).record(outboxUnknown)
        Gauge(label: "switchboard_irc_connected").record(ircConnected ? 1 : 0)
        if let ircLag {
            Gauge(label: "switchboard_irc_lag_seconds").record(ircLag.timeInterval)
        }
    }

    /// A command refused before it was looked at: the sender is not logged in, not an agent, or services
    /// are down. Kept out of the tickets' logs, so strangers cannot write into them.
    static func refusedCommand(reason: String) {
        Counter(label: "switchboard_irc_commands_refused_total", dimensions: [("reason", reason)]).increment()
    }

    static func ircQueue(_ lines: Int) {
        Gauge(label: "switchboard_irc_queue_lines").record(lines)
    }

    /// 1 while services (NickServ) are on the network, 0 while they are away; absent while unknown.
    static func ircServices(online: Bool?) {
        guard let online else { return }
        Gauge(label: "switchboard_irc_services_online").record(online ? 1 : 0)
    }
}
