import IRCClient
import ServiceLifecycle

/// Feeds the IRC client's events to the desk until shutdown.
struct DeskService: Service {
    let desk: DeskBot
    let client: IRCClient

    func run() async throws {
        // Stops at graceful shutdown even though the event stream only ends after the IRC client quits,
        // which the group does later because services shut down in reverse order.
        try? await cancelWhenGracefulShutdown {
            await desk.run(events: client.events)
        }
    }
}
