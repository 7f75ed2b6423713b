import AsyncHTTPClient
import Desk
import Foundation
import IRCClient
import Logging
import NIOCore
import SMTPClient
import Store
@testable import Switchboard
import TestSupport

/// The desk with a live outbox: a bot on the real IRC network, the outbox worker sending through the
/// real Twilio, Meta and SMTP senders, to a provider stub and a real SMTP server.
struct SendingHarness {
    static let accountSID = "AC0123456789abcdef0123456789abcdef"
    static let twilioToken = "tw-send-9f8e7d6c5b4a39281706f5e4d3c2b1a0"
    static let twilioFrom = "whatsapp:+14155238886"
    static let publicURL = "https://support.example.test"
    static let metaToken = "EAAG-meta-send-token-1f2e3d4c"
    static let phoneNumberID = "106540352242922"

    let net: TestNetwork
    let database: AppDatabase
    let bot: IRCClient
    let desk: DeskBot
    let tasks: [Task<Void, Never>]
    let httpClient: HTTPClient

    func stop() async {
        await bot.shutdown()
        for task in tasks { task.cancel() }
    }

    enum WhatsAppProvider {
        case twilio(baseURL: String)
        case meta(baseURL: String)
        /// Both configured, as a business moving from Twilio to the Cloud API would run for a while.
        case both(baseURL: String)
    }

    struct SMTPTarget {
        var port: Int
        var user: String
        var password: String
    }

    /// Starts the bot in `channel` (support, default route, owner none) with the given senders.
    static func start(nick: String, channel: String, whatsapp: WhatsAppProvider? = nil, smtp: SMTPTarget? = nil,
                      settings: DeskBot.Settings = DeskBot.Settings(), now: @escaping @Sendable () -> Date = { Date() },
                      deskNow: (@Sendable () -> Date)? = nil) async throws -> SendingHarness {
        let net = try await TestNetwork.shared()
        let database = try AppDatabase.inMemory(backoff: OutboxBackoff(base: .milliseconds(500), cap: .seconds(2), maxAttempts: 4), now: now)
        let bot = IRCClient(configuration: net.configuration(nick: nick, account: "switchboard", channels: [channel],
                                                             floodBurst: 8, floodInterval: .milliseconds(600)))
        let router = TicketRouter(rules: [RoutingRule(name: "routing[0]", isDefault: true, channel: channel, team: "support")],
                                  fallbackChannel: channel)
        let policy = Policy(directory: AgentDirectory([
            .init(account: "founder", teams: ["finance", "cs", "support"], role: .admin),
            .init(account: "aisha", teams: ["support", "cs"], role: .agent),
        ]))
        let desk = DeskBot(database: database, output: bot, router: router, policy: policy, settings: settings, now: deskNow ?? now)
        // The shared client needs no shutdown, so a test that fails half-way cannot leak a live one.
        let httpClient = HTTPClient.shared
        var senders: [Desk.Channel: any OutboundSender] = [:]
        func twilio(_ baseURL: String) -> TwilioSender {
            TwilioSender(client: httpClient, accountSID: accountSID, authToken: twilioToken, from: twilioFrom,
                         baseURL: baseURL, statusCallback: publicURL + "/webhooks/twilio/status", timeout: .seconds(30))
        }
        func meta(_ baseURL: String) -> MetaSender {
            MetaSender(client: httpClient, accessToken: metaToken, phoneNumberID: phoneNumberID, baseURL: baseURL, timeout: .seconds(30))
        }
        switch whatsapp {
        case .twilio(let baseURL): senders[.whatsapp] = twilio(baseURL)
        case .meta(let baseURL): senders[.whatsapp] = meta(baseURL)
        case .both(let baseURL): senders[.whatsapp] = WhatsAppSenders(twilio: twilio(baseURL), meta: meta(baseURL))
        case nil: break
        }
        if let smtp {
            let client = try SMTPClient(configuration: SMTPConfiguration(
                host: "localhost", port: smtp.port, security: .startTLS, username: smtp.user, password: smtp.password,
                caFile: try SMTPTestServer.certificates.get().ca, timeout: .seconds(10), finalReplyTimeout: .seconds(10)),
                logger: Logger(label: "test.smtp"))
            senders[.email] = EmailSender(client: client, database: database, from: Mailbox(name: "Support", address: "support@example.com"))
        }
        let worker = OutboxWorker(database: database, senders: senders, output: bot, logger: Logger(label: "test.outbox"),
                                  pollInterval: .milliseconds(100))
        let run = Task { await bot.run() }
        let feed = Task { await desk.run(events: bot.events) }
        let sending = Task { _ = try? await worker.run() }
        let deadline = ContinuousClock.now.advanced(by: .seconds(20))
        while ContinuousClock.now < deadline, !(await bot.isInChannel(channel)) {
            try await Task.sleep(for: .milliseconds(100))
        }
        return SendingHarness(net: net, database: database, bot: bot, desk: desk, tasks: [run, feed, sending], httpClient: httpClient)
    }

    var intake: IntakePipeline {
        IntakePipeline(database: database, triager: DeskFlowTests.FixedTriager(category: .billing, urgency: .normal), listener: desk)
    }

    /// A WhatsApp message as Twilio (an `SM…` id) or, with `viaMeta`, as the Cloud API (a `wamid.…` id) delivers it.
    @discardableResult
    func whatsappFromCustomer(_ text: String, phone: String = "+971501232233", name: String = "Omar Haddad",
                              viaMeta: Bool = false) async throws -> IngestOutcome {
        let id = UUID().uuidString.replacingOccurrences(of: "-", with: "")
        return try await intake.accept(InboundMessage(channel: .whatsapp, providerID: (viaMeta ? "wamid." : "SM") + id,
                                                      contact: .phone(phone), displayName: name, text: text))
    }

    @discardableResult
    func emailFromCustomer(_ text: String, subject: String, messageID: String, from address: String = "priya@kettle.example",
                           name: String = "Priya Nair") async throws -> IngestOutcome {
        try await intake.accept(InboundMessage(channel: .email, providerID: messageID, contact: .email(address), displayName: name,
                                               text: text, subject: subject))
    }
}
