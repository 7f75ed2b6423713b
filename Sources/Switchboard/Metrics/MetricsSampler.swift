import Desk
import IRCClient
import ServiceLifecycle
import Store

/// Samples the gauges a counter cannot express: outbox depth, the IRC connection, its lag and queue.
struct MetricsSampler: Service {
    let database: AppDatabase
    let ircClient: IRCClient?
    var interval: Duration = .seconds(5)

    func run() async throws {
        await repeatUntilShutdown(every: interval) { _ in await sample() }
    }

    func sample() async {
        let pending = (try? await database.outboxCount(states: [.pending, .inFlight])) ?? 0
        let unknown = (try? await database.outboxCount(states: [.unknown])) ?? 0
        let connected = await ircClient?.state == .connected
        DeskMetrics.sample(outboxPending: pending, outboxUnknown: unknown, ircConnected: connected, ircLag: await ircClient?.lag)
        if let ircClient {
            DeskMetrics.ircQueue(await ircClient.queuedLineCount)
            DeskMetrics.ircServices(online: await ircClient.servicesOnline)
        }
    }
}
