import IRCClient
import ServiceLifecycle

/// Runs the IRC client's own reconnect loop; on graceful shutdown it sends QUIT and drains.
struct IRCService: Service {
    let client: IRCClient

    func run() async throws {
        await withGracefulShutdownHandler {
            await client.run()
        } onGracefulShutdown: {
            Task { await client.shutdown() }
        }
    }
}
