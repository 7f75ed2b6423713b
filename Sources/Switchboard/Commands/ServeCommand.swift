import ArgumentParser
import AsyncHTTPClient
import Foundation
import IRCClient
import Logging
import ServiceLifecycle
import Store
import Triage
import UnixSignals

/// `switchboard serve --config PATH`: runs until SIGTERM or SIGINT, then shuts down gracefully.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the bot: IRC, webhooks and workers.")

    @Option(name: .long, help: "Path to the YAML config file.")
    var config: String

    @Option(name: .long, help: "Log format on stderr: text (readable, the default) or json (one object per line).")
    var logFormat: LogFormat = .text

    enum LogFormat: String, ExpressibleByArgument {
        case text, json
    }

    func run() async throws {
        if logFormat == .json {
            LoggingSystem.bootstrap { label in JSONLogHandler(label: label) }
        }
        let settings = try SwitchboardConfig.loadOrExit(config)
        let logger = Logger(label: "switchboard")
        let database: AppDatabase
        do {
            database = try AppDatabase.open(path: settings.storagePath)
        } catch {
            logger.error("cannot open the database", metadata: ["path": "\(settings.storagePath)", "error": "\(error)"])
            throw ExitCode(1)
        }
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        var ircClient: IRCClient?
        if let irc = settings.irc {
            let client = IRCClient(configuration: irc.client, stsStore: DatabaseSTSPolicyStore(database: database),
                                   logger: Logger(label: "switchboard.irc"))
            ircClient = client
            services.append(.init(service: IRCService(client: client), successTerminationBehavior: .gracefullyShutdownGroup))
        } else {
            logger.notice("the config has no irc section: running the webhooks only")
        }
        await DeskAssembly.importCustomers(settings: settings, database: database, logger: logger)
        do {
            // Older versions routed after the commit; what they left unrouted is routed now, and the desk posts it.
            let routed = try await database.routeUnroutedTickets(rules: settings.intakeRules(origin: IntakeOrigin.startUp))
            if routed > 0 { logger.notice("routed \(routed) ticket(s) an earlier version left unrouted") }
        } catch {
            logger.error("could not route the tickets left unrouted: \(error)")
        }
        let triager: ModelTriager
        do {
            triager = ModelTriager(model: try TriageModel.load())
        } catch {
            logger.error("cannot load the triage model: \(error)")
            throw ExitCode(1)
        }
        services.append(.init(service: LearningService(database: database, triager: triager, logger: Logger(label: "switchboard.learning"))))
        if let age = settings.messageRetention {
            services.append(.init(service: RetentionService(database: database, keepMessagesFor: age, logger: Logger(label: "switchboard.retention"))))
        }
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
        let desk = DeskAssembly.make(settings: settings, database: database, ircClient: ircClient, httpClient: httpClient,
                                     model: triager.model, logger: logger)
        services += desk.services
        // Started after IRC and the desk, so it stops first: no webhook is acknowledged while they shut down.
        services.append(.init(service: WebhookApplication.makeService(
            config: settings, database: database,
            intake: IntakePipeline(database: database, triager: triager, listener: desk.desk ?? DiscardingIntakeListener(),
                                   rules: settings.intakeRules(origin: IntakeOrigin.serve)),
            ircState: { [ircClient] in await ircClient?.state.rawValue ?? "disconnected" })))
        services.append(.init(service: MetricsSampler(database: database, ircClient: ircClient)))
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.info("switchboard starting with \(settings.file)")
        do {
            try await group.run()
        } catch {
            try? await httpClient.shutdown()
            throw error
        }
        try await httpClient.shutdown()
    }
}
