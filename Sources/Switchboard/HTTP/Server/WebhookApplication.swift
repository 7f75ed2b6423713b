import Hummingbird
import Logging

/// The HTTP side of Switchboard as plain functions, shaped like hummingbird-examples' `buildApplication`:
/// `serve` runs the result as one service of its `ServiceGroup`, and tests run the same router through
/// HummingbirdTesting (in-process or on a real socket) with their own database and registry.
enum WebhookApplication {
    /// Every route of DESIGN.md's HTTP contract.
    static func buildRouter(settings: WebhookServerSettings, services: WebhookServices, logger: Logger) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        let intake = WebhookIntake(services: services, logger: logger, numbers: settings.numbers)
        TwilioWebhookController(settings: settings, intake: intake).addRoutes(to: router)
        MetaWebhookController(settings: settings, intake: intake).addRoutes(to: router)
        EmailWebhookController(settings: settings, intake: intake).addRoutes(to: router)
        HealthController(services: services).addRoutes(to: router)
        return router
    }

    /// The application bound to `http.bind`. `onServerRunning` receives the bound port (useful with port 0).
    static func build(
        settings: WebhookServerSettings, services: WebhookServices, logger: Logger,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = buildRouter(settings: settings, services: services, logger: logger)
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? settings.port) },
            logger: logger)
    }
}
