import ArgumentParser
import Foundation
import IRCClient
import Logging
import ServiceLifecycle
import UnixSignals

/// `switchboard serve --config PATH`: runs until SIGTERM or SIGINT, then shuts down gracefully.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the bot: IRC, webhooks and workers.")

    @Option(name: .long, help: "Path to the YAML config file.")
    var config: String

    func run() async throws {
        let settings = try SwitchboardConfig.loadOrExit(config)
        let logger = Logger(label: "switchboard")
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let irc = settings.irc {
            let client = IRCClient(configuration: irc.client, logger: Logger(label: "switchboard.irc"))
            services.append(.init(service: IRCService(client: client), successTerminationBehavior: .gracefullyShutdownGroup))
        }
        guard !services.isEmpty else {
            logger.error("nothing to run: the config has no irc section")
            throw ExitCode(1)
        }
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.info("switchboard starting with \(settings.file)")
        try await group.run()
    }
}
