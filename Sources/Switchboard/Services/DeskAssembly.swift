import AsyncHTTPClient
import Desk
import Foundation
import IRCClient
import Logging
import ServiceLifecycle
import SMTPClient
import Store
import Triage
import WhatsApp

/// Builds the desk side of `serve`: the bot that posts cards and runs commands, and the outbox worker
/// with one sender per configured provider.
struct DeskAssembly {
    let desk: DeskBot?
    let services: [ServiceGroupConfiguration.ServiceConfiguration]

    static func make(settings: SwitchboardConfig, database: AppDatabase, ircClient: IRCClient?, httpClient: HTTPClient,
                     model: TriageModel, logger: Logger) -> DeskAssembly {
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        var desk: DeskBot?
        if let ircClient, let irc = settings.irc {
            var deskSettings = DeskBot.Settings()
            deskSettings.commandPrefix = irc.commandPrefix
            deskSettings.deskChannels = irc.client.channels.map(\.name)
            deskSettings.templates = settings.templates
            deskSettings.followUps = settings.followUps
            deskSettings.churnWatch = settings.churnWatch
            deskSettings.llm = settings.llm.map { LLMDrafter(client: httpClient, settings: $0) }
            do {
                deskSettings.knowledge = try KnowledgeBase.make(settings: settings, database: database, model: model)
            } catch {
                logger.error("the knowledge base is off: \(error)")
            }
            let bot = DeskBot(database: database, output: ircClient, router: settings.ticketRouter, policy: settings.policy,
                              settings: deskSettings, logger: Logger(label: "switchboard.desk"))
            desk = bot
            services.append(.init(service: DeskService(desk: bot, client: ircClient)))
            services.append(.init(service: FollowUpService(desk: bot)))
        }
        var senders: [Channel: any OutboundSender] = [:]
        var whatsapp = WhatsAppSenders()
        if let twilio = settings.twilio {
            whatsapp.twilio = TwilioSender(
                client: httpClient, accountSID: twilio.accountSID, authToken: twilio.authToken, from: twilio.from,
                baseURL: twilio.apiBaseURL, statusCallback: settings.http.publicURL + "/webhooks/twilio/status",
                numbers: BusinessNumbers(twilio: twilio.numbers))
        }
        if let meta = settings.meta {
            whatsapp.meta = MetaSender(client: httpClient, accessToken: meta.accessToken, phoneNumberID: meta.phoneNumberID,
                                       baseURL: meta.apiBaseURL, numbers: BusinessNumbers(meta: meta.phoneNumberIDs))
        }
        if whatsapp.twilio != nil || whatsapp.meta != nil { senders[.whatsapp] = whatsapp }
        if let email = settings.email, let smtp = email.smtp {
            do {
                let security = SMTPSecurity(rawValue: smtp.security.rawValue) ?? .startTLS
                let client = try SMTPClient(configuration: SMTPConfiguration(
                    host: smtp.host, port: smtp.port, security: security, username: smtp.username, password: smtp.password,
                    caFile: smtp.caFile), logger: Logger(label: "switchboard.smtp"))
                senders[.email] = EmailSender(client: client, database: database, from: Mailbox(address: email.address))
            } catch {
                logger.error("email sending is off: \(error)")
            }
        }
        services.append(.init(service: OutboxWorker(database: database, senders: senders, output: ircClient,
                                                     logger: Logger(label: "switchboard.outbox"),
                                                     commandPrefix: settings.irc?.commandPrefix ?? "!")))
        return DeskAssembly(desk: desk, services: services)
    }

    /// Imports `customers.csv` at start so names, plans and owners are on the first cards.
    static func importCustomers(settings: SwitchboardConfig, database: AppDatabase, logger: Logger) async {
        guard let csv = settings.customersCSV, FileManager.default.fileExists(atPath: csv) else { return }
        do {
            let summary = try await CustomerImport.run(file: csv, into: database)
            logger.info("imported \(csv): \(summary.created) created, \(summary.updated) updated, \(summary.problems.count) problems")
        } catch {
            logger.error("could not import \(csv): \(error)")
        }
    }
}
