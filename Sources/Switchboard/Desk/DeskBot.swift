import Desk
import Foundation
import IRC
import IRCClient
import Logging
import Store
import WhatsApp

/// The desk in IRC: it announces new tickets where routing sends them, and carries out agents'
/// commands after checking who they are (the services account, never the nick) and what they may do.
actor DeskBot: IntakeListener {
    struct Settings: Sendable {
        var commandPrefix = "!"
        var lowConfidence = 0.6
        /// The window in which a customer's reply reopens a closed ticket (also the store's setting).
        var reopenWindow: Duration = .seconds(7 * 86_400)
        var whatsappWindow: TimeInterval = 24 * 3600
        /// Pre-approved WhatsApp templates for `template N NAME` and for sending outside the 24-hour window.
        var templates: [MessageTemplate] = []
        /// The optional OpenAI-compatible drafter; nil uses the built-in drafter only.
        var llm: LLMDrafter?
        /// The daily churn digest and weekly summary; nil turns the churn watch off.
        var churnWatch: ChurnWatchSettings?
        /// Follow-up timers: awaiting the customer, the WhatsApp window, the first-response SLA.
        var followUps = FollowUpSettings()
        /// Times shown to agents (delivery reports, digests) are in the team's business time zone.
        var timeZone: TimeZone { followUps.hours.timeZone }
        /// Searched by `kb` and by drafts; nil when the config has no `kb.path`.
        var knowledge: KnowledgeBase?
        /// Where the desk says that services went away or came back: the channels it joins.
        var deskChannels: [String] = []
        /// How long ordinary cards gather before a channel gets them (or one summary line).
        var cardWindow: Duration = .seconds(1)
        /// How long no_action tickets gather before their channel's quiet line.
        var quietWindow: Duration = .seconds(30)
    }

    let database: AppDatabase
    let output: any ChatOutput
    let router: TicketRouter
    let policy: Policy
    let settings: Settings
    let cards: CardDispatcher
    let logger: Logger
    /// Refused strangers and other attempts worth an operator's eye, apart from the desk's own log.
    let securityLogger = Logger(label: "switchboard.security")
    let now: @Sendable () -> Date
    var pager = Pager()
    /// When the churn digests last ran: read from the event log once, then kept here, so the 5 s
    /// follow-up loop does not query the log each time.
    var churnRuns: ChurnRuns?
    /// Broken knowledge-base files already logged, so each is reported once until it changes.
    var reportedKnowledgeProblems = Set<String>()
    /// What the IRC client last said about services (NickServ); nil until it knows.
    var servicesOnline: Bool?
    /// Commands running now, and the event loop waiting for one of them to finish.
    var commandsRunning = 0
    var commandSlotWaiters: [CheckedContinuation<Void, Never>] = []
    /// The last command queued per ticket, so the next one on that ticket runs after it.
    var ticketTails: [Int64: (sequence: Int, task: Task<Void, Never>)] = [:]
    var commandSequence = 0

    init(database: AppDatabase, output: any ChatOutput, router: TicketRouter, policy: Policy, settings: Settings = Settings(),
         logger: Logger = Logger(label: "switchboard.desk"), now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.output = output
        self.router = router
        self.policy = policy
        self.settings = settings
        self.logger = logger
        self.now = now
        cards = CardDispatcher(output: output, settings: .init(window: settings.cardWindow, quietWindow: settings.quietWindow,
                                                               commandPrefix: settings.commandPrefix))
    }

    /// Consumes the IRC client's events until the stream ends, sweeping for unrouted tickets meanwhile.
    func run(events: AsyncStream<IRCEvent>) async {
        let sweeper = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(2))
                await self?.sweepUnrouted()
            }
        }
        defer { sweeper.cancel() }
        for await event in events {
            switch event {
            case .message(let message) where !message.isNotice:
                await dispatch(message)
            case .servicesChanged(let online):
                await servicesChanged(online: online)
            default:
                continue
            }
        }
    }

    // MARK: - Intake

    /// Routing and cards happen after the provider has its answer: the webhook is acknowledged as soon as
    /// the message is committed, and a slow IRC link never makes Twilio time out and retry.
    nonisolated func didIngest(_ receipt: IngestReceipt, message: InboundMessage, triage: TriageSummary?, isFlooding: Bool) async {
        Task {
            do {
                try await announce(receipt, message: message, triage: triage, isFlooding: isFlooding)
            } catch {
                logger.error("could not announce ticket #\(receipt.ticketID): \(error)")
            }
        }
    }

    /// Routes and announces tickets that were stored without passing through this process's intake.
    func sweepUnrouted() async {
        guard let tickets = try? await database.unroutedTickets() else { return }
        // Younger tickets are still being announced by the intake that stored them.
        for ticket in tickets where now().timeIntervalSince(ticket.createdAt) > 5 {
            guard let messages = try? await database.messages(ticketID: ticket.id),
                  let first = messages.first(where: { $0.direction == .inbound }) else { continue }
            let contact = try? await database.contacts(customerID: ticket.customerID).first?.key
            let message = InboundMessage(channel: first.channel, providerID: first.providerID ?? "message-\(first.id)",
                                         contact: contact ?? .email("unknown@invalid"), text: first.text, isAutoReply: first.isAutoReply)
            let receipt = IngestReceipt(ticketID: ticket.id, messageID: first.id, customerID: ticket.customerID, isNewTicket: true,
                                        isNewCustomer: false, reopened: false, reopenCandidate: nil, threadedBy: .newTicket,
                                        ticketState: ticket.state)
            do {
                try await announce(receipt, message: message, triage: nil, isFlooding: false)
            } catch {
                logger.error("could not route ticket #\(ticket.id): \(error)")
            }
        }
    }

    private func announce(_ receipt: IngestReceipt, message: InboundMessage, triage: TriageSummary?, isFlooding: Bool) async throws {
        guard var ticket = try await database.ticket(id: receipt.ticketID) else { return }
        let customer = try await database.customer(id: receipt.customerID)
        if receipt.isNewTicket {
            let isNoAction = ticket.category == .noAction
            if isNoAction, NoActionPolicy.closesByItself(message, confidence: ticket.confidence ?? 0,
                                                         lastReplyToCustomer: try await database.lastReplyAt(customerID: receipt.customerID), now: now()) {
                // An auto-reply, or "thanks" right after our reply: closed at once, still counted in stats.
                _ = try await database.apply(.closed(resolution: "no_action: closed automatically"), toTicket: ticket.id, actor: TicketEvent.system)
                return
            }
            let facts = RoutingFacts(
                category: ticket.category ?? .support, urgency: ticket.urgency, source: message.channel,
                lang: ticket.lang ?? "und", plan: customer?.plan, text: message.text)
            let decision = router.route(facts)
            // The sweeper may reach a new ticket while the intake's announcement of it is still running
            // (under load); only the one that routes it posts the card.
            guard let routed = try await database.routeIfUnrouted(ticketID: ticket.id, decision: decision) else { return }
            ticket = routed
            DeskMetrics.routed(ticket.category)
            logger.info("ticket #\(ticket.id) routed by \(decision.rule) to \(decision.channels.joined(separator: ", "))")
            // A no_action ticket waits for no answer: no first-response clock, no window reminder.
            if !isNoAction { await scheduleAfterInbound(ticket, isNewTicket: true, receivedAt: now()) }
            var card = TicketCard(ticket: ticket, customer: customer, contact: message.contact, excerpt: message.text)
            card.commandPrefix = settings.commandPrefix
            card.lowConfidence = settings.lowConfidence
            card.replyTo = message.replyTo
            if decision.mention { card.mention = decision.owner }
            let kind: CardDispatcher.PendingCard.Kind = isNoAction ? .quiet
                : ticket.urgency == .high || ticket.category == .churnRisk ? .urgent : .ordinary
            for channel in decision.channels {
                await cards.post(.init(lines: card.lines(now: now()), category: ticket.category ?? .support, kind: kind, excerpt: message.text),
                                 to: channel)
            }
            return
        }
        await scheduleAfterInbound(ticket, isNewTicket: false, receivedAt: now())
        guard !isFlooding, let channel = ticket.routeChannel else { return }
        let who: IRCLine = ticket.owner.map { "\(botText: $0): " } ?? ""
        // A message that threaded in from someone else (a colleague in CC) is not the customer's words.
        var verb: IRCLine = receipt.reopened ? "reopened — the customer wrote again" : "customer wrote again"
        if receipt.customerID != ticket.customerID { verb = "\(ContactMask.mask(message.contact)) wrote on it" }
        await output.say("\(who)#\(ticket.id) \(verb): \"\(message.text, limit: 160)\"", to: channel, priority: .card)
    }

    /// Delivery reports reach the owner as they arrive: "#118 delivered 09:14", or a failure in plain words.
    nonisolated func didUpdateDelivery(_ message: Message) async {
        let time = ClockText.time(now(), timeZone: settings.timeZone)
        let text: IRCLine
        switch message.status {
        case .failed:
            let code: IRCLine = message.errorCode.map { " (error \($0))" } ?? ""
            let explanation: IRCLine = message.errorCode.flatMap { WhatsAppErrorExplanation.lookup($0)?.plainWords }.map { ": \(botText: $0)" } ?? ""
            text = "#\(message.ticketID) delivery failed \(botText: time)\(code)\(explanation)"
        case .delivered, .read:
            text = "#\(message.ticketID) \(botText: message.status.rawValue) \(botText: time)"
        default:
            return
        }
        await TicketNotifier(database: database, output: output).tell(message.ticketID, text)
    }

    // MARK: - Commands

    func handle(_ message: IRCChatMessage) async {
        guard let parsed = parse(message) else { return }
        await handle(parsed, from: message)
    }

    /// The command in a chat line, or nil when the line is not addressed to the desk.
    func parse(_ message: IRCChatMessage) -> Result<DeskCommand, CommandParser.UsageError>? {
        CommandParser.parse(message.text, prefix: settings.commandPrefix, isDirect: message.channel == nil)
    }

    func handle(_ parsed: Result<DeskCommand, CommandParser.UsageError>, from message: IRCChatMessage) async {
        let reply = Reply(message: message)
        switch parsed {
        case .failure(let usage):
            await say(reply, IRCLine(botText: usage.message))
        case .success(let command):
            await execute(command, reply: reply)
        }
    }

    struct Reply: Sendable {
        var target: String
        var nick: String
        var account: String?
        var isDirect: Bool

        init(message: IRCChatMessage) {
            target = message.replyTarget
            nick = message.senderNick
            account = message.senderAccount
            isDirect = message.channel == nil
        }
    }

    func say(_ reply: Reply, _ line: IRCLine) async {
        let addressed: IRCLine = reply.isDirect ? line : "\(botText: reply.nick): \(line)"
        await output.say(addressed, to: reply.target, priority: .commandReply, account: reply.isDirect ? reply.account : nil)
    }

    func sayLines(_ reply: Reply, _ lines: [IRCLine]) async {
        let page = pager.firstPage(of: lines, for: reply.account ?? reply.nick, prefix: settings.commandPrefix)
        for line in page { await sayLine(reply, line) }
    }

    /// One line of a longer answer, unaddressed; in a DM it follows the account, not the nick.
    func sayLine(_ reply: Reply, _ line: IRCLine) async {
        await output.say(line, to: reply.target, priority: .commandReply, account: reply.isDirect ? reply.account : nil)
    }

    private func execute(_ command: DeskCommand, reply: Reply) async {
        // Who first: someone who is not an agent learns nothing (not even whether ticket N exists) and
        // writes nothing into any ticket's log; the refusal is counted and logged for security instead.
        // Without services nobody can log in, so "you are not logged in" would be unfair and unhelpful.
        let identity = reply.account == nil && servicesOnline == false
            ? .refused(Self.servicesDownRefusal) : policy.identify(account: reply.account)
        guard case .allowed = identity else {
            if case .refused(let reason) = identity { await refuseStranger(command, reply: reply, reason: reason) }
            return
        }
        var ticket: Ticket?
        if let id = command.ticketID {
            do {
                ticket = try await database.ticket(id: id)
            } catch {
                await say(reply, "could not read #\(id): \(error)")
                return
            }
            guard ticket != nil else {
                await say(reply, "there is no ticket #\(id)")
                return
            }
        }
        switch policy.authorize(account: reply.account, command: command, ticket: ticket) {
        case .refused(let reason):
            logger.notice("refused \(command.name) from agent \(reply.account ?? "none") (\(reply.nick)): \(reason)")
            if let ticket {
                _ = try? await database.appendEvent(
                    ticketID: ticket.id, actor: reply.account ?? "unauthenticated", kind: "refused",
                    detail: ["command": command.name, "nick": reply.nick, "reason": reason])
            }
            await say(reply, IRCLine(botText: reason))
        case .allowed(let agent):
            do {
                try await perform(command, ticket: ticket, agent: agent, reply: reply)
            } catch let error as LifecycleError {
                await say(reply, IRCLine(botText: error.reason))
            } catch {
                logger.error("\(command.name) failed: \(error)")
                await say(reply, "\(botText: command.name) failed: \(error)")
            }
        }
    }

    private func refuseStranger(_ command: DeskCommand, reply: Reply, reason: String) async {
        let why = reply.account == nil ? (servicesOnline == false ? "services_down" : "not_logged_in") : "not_an_agent"
        DeskMetrics.refusedCommand(reason: why)
        securityLogger.notice("refused \(command.name) from nick \(reply.nick) (account \(reply.account ?? "none")) in \(reply.isDirect ? "a DM" : reply.target): \(why)")
        await say(reply, IRCLine(botText: reason))
    }
}
