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
        /// How long ordinary cards gather, once the flood gate falls behind, before a channel gets them
        /// (or one summary line).
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
    /// Committed messages waiting for their card or line, in commit order.
    private let announcer: AsyncStream<Announcement>.Continuation

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
        let (announcements, announcer) = AsyncStream.makeStream(of: Announcement.self)
        self.announcer = announcer
        // One task posts every card, in commit order; it ends when the desk goes away.
        Task { [weak self] in
            for await announcement in announcements { await self?.announce(announcement) }
        }
    }

    /// Consumes the IRC client's events until the stream ends, posting meanwhile the tickets that other
    /// intakes (`ingest-email`) stored.
    func run(events: AsyncStream<IRCEvent>) async {
        let tailer = Task { [weak self] in
            guard var mark = await self?.startMark() else { return }
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                guard let self else { return }
                mark = await self.postOtherIntakes(after: mark)
            }
        }
        defer { tailer.cancel() }
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

    /// A committed message on its way to IRC.
    struct Announcement: Sendable {
        var receipt: IngestReceipt
        var message: InboundMessage
        var isFlooding: Bool
    }

    /// The desk's routing and timers, applied by the intake in the transaction that stores a message.
    nonisolated var intakeRules: IntakeRules? {
        IntakeRules(router: router, followUps: followUpPolicy, origin: IntakeOrigin.serve)
    }

    /// Hands the committed message to the announcer and returns: the provider's answer never waits for
    /// IRC, and the routing it needs was decided in the commit.
    nonisolated func didIngest(_ receipt: IngestReceipt, message: InboundMessage, triage: TriageSummary?, isFlooding: Bool) async {
        announcer.yield(Announcement(receipt: receipt, message: message, isFlooding: isFlooding))
    }

    /// Renders and posts what the commit decided, without reading the database.
    func announce(_ announcement: Announcement) async {
        let receipt = announcement.receipt, message = announcement.message
        guard let plan = receipt.plan, let ticket = receipt.ticket else {
            logger.warning("ticket #\(receipt.ticketID) was stored without intake rules; it has no route to announce")
            return
        }
        switch plan {
        case .close:
            return
        case .route(let decision, _):
            DeskMetrics.routed(ticket.category)
            logger.debug("ticket #\(ticket.id) routed by \(decision.rule) to \(decision.channels.joined(separator: ", "))")
            await postCard(for: ticket, customer: receipt.customer, contact: message.contact, excerpt: message.text,
                           replyTo: message.replyTo, decision: decision)
        case .followOn:
            guard !announcement.isFlooding, let channel = ticket.routeChannel else { return }
            let who: IRCLine = ticket.owner.map { "\(botText: $0): " } ?? ""
            // A message that threaded in from someone else (a colleague in CC) is not the customer's words.
            var verb: IRCLine = receipt.reopened ? "reopened — the customer wrote again" : "customer wrote again"
            if receipt.customerID != ticket.customerID { verb = "\(ContactMask.mask(message.contact)) wrote on it" }
            await output.say("\(who)#\(ticket.id) \(verb): \"\(message.text, limit: 160)\"", to: channel, priority: .card)
        }
    }

    private func postCard(for ticket: Ticket, customer: Customer?, contact: ContactKey?, excerpt: String, replyTo: String?,
                          decision: RouteDecision) async {
        var card = TicketCard(ticket: ticket, customer: customer, contact: contact, excerpt: excerpt)
        card.commandPrefix = settings.commandPrefix
        card.lowConfidence = settings.lowConfidence
        card.replyTo = replyTo
        if decision.mention { card.mention = decision.owner }
        let kind: CardDispatcher.PendingCard.Kind = ticket.category == .noAction ? .quiet
            : ticket.urgency == .high || ticket.category == .churnRisk ? .urgent : .ordinary
        let lines = card.lines(now: now())
        for channel in decision.channels {
            await cards.post(.init(lines: lines, category: ticket.category ?? .support, kind: kind, excerpt: excerpt), to: channel)
        }
    }

    /// Where to start reading the event log for other intakes' tickets: after the last ticket this desk
    /// routed itself, so mail piped in while `serve` was down is posted when it starts, and never
    /// further back than a day.
    func startMark() async -> Int64 {
        do {
            return try await database.deskStartMark(origin: IntakeOrigin.serve, notBefore: now().addingTimeInterval(-86_400))
        } catch {
            logger.error("could not read the event log; tickets piped in by ingest-email may go unannounced: \(error)")
            return (try? await database.lastEventMark()) ?? 0
        }
    }

    /// Posts the open tickets other intakes routed after `mark`; returns the mark to read after next.
    func postOtherIntakes(after mark: Int64) async -> Int64 {
        do {
            let page = try await database.ticketsRouted(after: mark, byOtherThan: IntakeOrigin.serve)
            for routed in page.tickets where routed.ticket.state.isOpen {
                DeskMetrics.routed(routed.ticket.category)
                logger.info("ticket #\(routed.ticket.id) stored by another intake, routed by \(routed.decision.rule)")
                await postCard(for: routed.ticket, customer: routed.customer, contact: routed.message.senderKey,
                               excerpt: routed.message.text, replyTo: routed.message.replyTo, decision: routed.decision)
            }
            return page.nextMark
        } catch {
            logger.error("could not read tickets stored by other intakes: \(error)")
            return mark
        }
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
