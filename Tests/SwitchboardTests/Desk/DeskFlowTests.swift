import Desk
import Foundation
import IRCClient
import Store
@testable import Switchboard
import Testing
import TestSupport

/// The desk on the real InspIRCd + Atheme network: agents log in with SASL and work tickets from a
/// channel and from a DM, while strangers and impostors are refused.
@Suite("Desk in IRC", .serialized, .needsServers)
struct DeskFlowTests {
    struct Harness {
        let net: TestNetwork
        let database: AppDatabase
        let bot: IRCClient
        let desk: DeskBot
        let pipeline: IntakePipeline
        let tasks: [Task<Void, Never>]

        func stop() async {
            await bot.shutdown()
            for task in tasks { task.cancel() }
        }

        /// A WhatsApp message through the same intake path the webhooks use.
        @discardableResult
        func customerWrites(_ text: String, from phone: String = "+971501232233", id: String = UUID().uuidString,
                            category: Desk.Category = .support, urgency: Urgency = .normal,
                            attachments: [AttachmentInfo] = []) async throws -> IngestOutcome {
            let pipeline = IntakePipeline(database: database, triager: FixedTriager(category: category, urgency: urgency), listener: desk)
            return try await pipeline.accept(InboundMessage(channel: .whatsapp, providerID: "SM" + id, contact: .phone(phone),
                                                           displayName: "Omar Haddad", text: text, attachments: attachments))
        }
    }

    struct FixedTriager: MessageTriager {
        var category: Desk.Category
        var urgency: Urgency
        func triage(_ message: InboundMessage) -> TriageSummary? {
            TriageSummary(category: category, confidence: 0.9, urgency: urgency, lang: "en")
        }
    }

    static let standardAgents: [AgentDirectory.Agent] = [
        .init(account: "founder", teams: ["finance", "cs", "support"], role: .admin),
        .init(account: "techlead", teams: ["eng"], role: .lead),
        .init(account: "aisha", teams: ["support", "cs"], role: .agent),
    ]

    static func start(nick: String, channels: [String], knowledge: Bool = false, cardWindow: Duration = .seconds(1),
                      agents: [AgentDirectory.Agent] = standardAgents, floodBurst: Int = 8,
                      floodInterval: Duration = .milliseconds(600), llm: LLMDrafter? = nil) async throws -> Harness {
        let net = try await TestNetwork.shared()
        let database = try AppDatabase.inMemory()
        var settings = DeskBot.Settings()
        settings.cardWindow = cardWindow
        settings.quietWindow = .seconds(1)
        settings.llm = llm
        if knowledge {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent()
            settings.knowledge = try KnowledgeBase.make(folder: root.appendingPathComponent("demo/kb"), database: database)
        }
        let bot = IRCClient(configuration: net.configuration(nick: nick, account: "switchboard", channels: channels,
                                                             floodBurst: floodBurst, floodInterval: floodInterval))
        let router = TicketRouter(rules: [
            RoutingRule(name: "routing[0]", match: .init(categories: [.churnRisk]), channel: channels[2], team: "cs", owner: "founder"),
            RoutingRule(name: "routing[1]", match: .init(categories: [.billing]), channel: channels[1], team: "finance", owner: "founder"),
            RoutingRule(name: "routing[2]", isDefault: true, channel: channels[0], team: "support"),
        ], fallbackChannel: channels[0])
        let policy = Policy(directory: AgentDirectory(agents))
        let desk = DeskBot(database: database, output: bot, router: router, policy: policy, settings: settings)
        let run = Task { await bot.run() }
        let feed = Task { await desk.run(events: bot.events) }
        let deadline = ContinuousClock.now.advanced(by: .seconds(20))
        while ContinuousClock.now < deadline, !(await channels.asyncAllSatisfy { await bot.isInChannel($0) }) {
            try await Task.sleep(for: .milliseconds(100))
        }
        return Harness(net: net, database: database, bot: bot, desk: desk,
                       pipeline: IntakePipeline(database: database, triager: FallbackTriager(), listener: desk), tasks: [run, feed])
    }

    static func lines(_ client: RunningClient, containing needle: String, in channel: String? = nil, timeout: Duration = .seconds(20)) async throws -> IRCChatMessage {
        let event = try await client.waitFor("a line containing \(needle)", timeout: timeout) {
            if case .message(let m) = $0 { m.text.contains(needle) && (channel == nil || m.channel == channel) } else { false }
        }
        guard case .message(let message) = event else { throw TestNetworkError(message: "unreachable") }
        return message
    }

    @Test("a ticket another intake stored (ingest-email) reaches its channel within two seconds, once, with its real sender")
    func otherIntakesTickets() async throws {
        let h = try await Self.start(nick: "deskpipe", channels: ["#pipe-support", "#pipe-finance", "#pipe-churn"])
        defer { Task { await h.stop() } }
        let aisha = RunningClient(h.net.configuration(nick: "pipe-aisha", account: "aisha", channels: ["#pipe-support"]))
        defer { Task { await aisha.stop() } }
        try await aisha.waitUntilJoined("#pipe-support")

        var piped = try #require(await h.desk.intakeRules)
        piped.origin = IntakeOrigin.ingestEmail
        let mail = InboundMessage(channel: .email, providerID: "<pipe-1@example.com>", contact: .email("lin.chen@example.com"),
                                  displayName: "Lin Chen", text: "The export button does nothing", subject: "Export")
        let stored = try await h.database.ingest(mail, triage: FixedTriager(category: .support, urgency: .normal).triage(mail),
                                                 rules: piped)
        let started = ContinuousClock.now
        let card = try await Self.lines(aisha, containing: "!claim \(stored.ticketID)", in: "#pipe-support", timeout: .seconds(10))
        #expect(started.duration(to: .now) < .seconds(3), "the desk reads the event log every second")
        #expect(card.text.contains("l***@example.com"), "the sender comes from the stored message: \(card.text)")
        try await Task.sleep(for: .seconds(2)) // proving a negative: the card is not posted a second time
        let cards = await aisha.messages(in: "#pipe-support").filter { $0.text.contains("!claim \(stored.ticketID)") }
        #expect(cards.count == 1)
    }

    @Test("an agent claims, drafts, sends and closes — from a channel and from a DM")
    func agentFlow() async throws {
        let h = try await Self.start(nick: "deskflow", channels: ["#df-support", "#df-finance", "#df-churn"])
        defer { Task { await h.stop() } }
        let aisha = RunningClient(h.net.configuration(nick: "aisha", account: "aisha", channels: ["#df-support"]))
        defer { Task { await aisha.stop() } }
        try await aisha.waitUntilJoined("#df-support")
        try await Task.sleep(for: .milliseconds(500))

        try await h.customerWrites("Hi, how do I add a new user to the admin panel?")
        let card = try await Self.lines(aisha, containing: "!claim 1", in: "#df-support")
        #expect(card.text.contains("\u{02}#1\u{02} support"))
        #expect(card.text.contains("+971 50 *** 2233"), "contacts are masked in channels")

        try await aisha.client.sendText("!claim 1", to: "#df-support")
        _ = try await Self.lines(aisha, containing: "aisha claimed #1", in: "#df-support")

        try await aisha.client.sendText("draft 1 open Settings → Team → Invite; the invite link is valid for 48 hours", to: "deskflow")
        _ = try await Self.lines(aisha, containing: "Draft for #1 (WhatsApp")
        try await aisha.client.sendText("send 1", to: "deskflow")
        _ = try await Self.lines(aisha, containing: "#1 queued for WhatsApp")
        let outbox = try await h.database.outboxItems(states: [.pending])
        #expect(outbox.count == 1)
        let sent = try await h.database.messages(ticketID: 1).filter { $0.direction == .outbound }
        #expect(sent.first?.text.contains("the invite link is valid for 48 hours") == true, "exactly the draft is what is queued")

        try await aisha.client.sendText("!close 1 explained how to invite users", to: "#df-support")
        _ = try await Self.lines(aisha, containing: "#1 closed by aisha", in: "#df-support")
        #expect(try await h.database.ticket(id: 1)?.state == .closed)
        try await aisha.client.sendText("send 1 one more thing", to: "deskflow")
        _ = try await Self.lines(aisha, containing: "#1 is closed; !reopen 1 first")

        let history = try await h.database.history(ticketID: 1).map(\.kind)
        for kind in [EventKind.received, .routed, .claimed, .drafted, .queued, .closed] {
            #expect(history.contains(kind), "history lacks \(kind)")
        }
    }

    @Test("kb answers with articles and links; a draft quotes and links the article for the customer's question")
    func knowledgeBase() async throws {
        let h = try await Self.start(nick: "deskkb", channels: ["#dk-support", "#dk-finance", "#dk-churn"], knowledge: true)
        defer { Task { await h.stop() } }
        let aisha = RunningClient(h.net.configuration(nick: "aisha", account: "aisha", channels: ["#dk-support"]))
        defer { Task { await aisha.stop() } }
        try await aisha.waitUntilJoined("#dk-support")
        try await Task.sleep(for: .milliseconds(500))

        try await aisha.client.sendText("!kb refund kab tak aayega", to: "#dk-support")
        let first = try await Self.lines(aisha, containing: "kb 1.", in: "#dk-support")
        #expect(first.text.contains("\"Refunds and when the money reaches you\" (en) · https://help.bazaarly.example/en/articles/refunds"))
        try await aisha.client.sendText("kb xyzzy plugh", to: "deskkb")
        _ = try await Self.lines(aisha, containing: "kb: no article matches \"xyzzy plugh\"")

        try await h.customerWrites("how many days until the refund shows on my card?")
        _ = try await Self.lines(aisha, containing: "!claim 1", in: "#dk-support")
        try await aisha.client.sendText("!claim 1", to: "#dk-support")
        _ = try await Self.lines(aisha, containing: "aisha claimed #1", in: "#dk-support")
        try await aisha.client.sendText("draft 1", to: "deskkb")
        let source = try await Self.lines(aisha, containing: "KB: \"Refunds and when the money reaches you\"")
        #expect(source.text.contains("https://help.bazaarly.example/en/articles/refunds"))
        let draft = try await h.database.history(ticketID: 1).last { $0.kind == .drafted }?.detail["text"]
        #expect(draft?.contains("5–7 working days") == true, "the passage that answers how long: \(draft ?? "none")")
        #expect(draft?.contains("https://help.bazaarly.example/en/articles/refunds") == true)
    }

    @Test("refusals: a logged-in non-agent, an impostor on an agent's nick, and another team's agent")
    func refusals() async throws {
        let h = try await Self.start(nick: "deskguard", channels: ["#dg-support", "#dg-finance", "#dg-churn"])
        defer { Task { await h.stop() } }
        try await h.customerWrites("My invoice shows the wrong VAT number", category: .billing)
        try await h.customerWrites("how do I export my data?", from: "+971500000001")

        let mallory = RunningClient(h.net.configuration(nick: "mallory", account: "mallory", channels: ["#dg-support"]))
        defer { Task { await mallory.stop() } }
        try await mallory.waitUntilJoined("#dg-support")
        try await Task.sleep(for: .milliseconds(300))
        try await mallory.client.sendText("!claim 2", to: "#dg-support")
        let refusal = try await Self.lines(mallory, containing: "only agents listed in config", in: "#dg-support")
        #expect(refusal.text.contains("mallory"))

        let techlead = RunningClient(h.net.configuration(nick: "techlead", account: "techlead"))
        defer { Task { await techlead.stop() } }
        try await techlead.waitUntilRegistered()
        try await techlead.client.sendText("send 1 refund approved today", to: "deskguard")
        _ = try await Self.lines(techlead, containing: "belongs to team finance")

        // An agent logs in, leaves, and an unauthenticated user takes the nick.
        let real = RunningClient(h.net.configuration(nick: "aisha", account: "aisha", channels: ["#dg-support"]))
        try await real.waitUntilJoined("#dg-support")
        await real.stop()
        try await Task.sleep(for: .seconds(1))
        let impostor = RunningClient(h.net.configuration(nick: "aisha", channels: ["#dg-support"]))
        defer { Task { await impostor.stop() } }
        try await impostor.waitUntilJoined("#dg-support")
        try await Task.sleep(for: .milliseconds(300))
        try await impostor.client.sendText("!claim 2", to: "#dg-support")
        _ = try await Self.lines(impostor, containing: "you are not logged in to services", in: "#dg-support")
        #expect(try await h.database.ticket(id: 2)?.owner == nil, "nothing happened")
        #expect(try await h.database.ticket(id: 1)?.state != .awaitingCustomer)
        #expect(try await h.database.outboxItems(states: [.pending]).isEmpty)
    }

    @Test("customer text with CR/LF, CTCP and colour codes arrives as inert text on one line")
    func injection() async throws {
        let h = try await Self.start(nick: "deskinject", channels: ["#di-support", "#di-finance", "#di-churn"])
        defer { Task { await h.stop() } }
        let founder = RunningClient(h.net.configuration(nick: "founder", account: "founder", channels: ["#di-support", "#x"]))
        defer { Task { await founder.stop() } }
        try await founder.waitUntilJoined("#di-support")
        try await founder.waitUntilJoined("#x")
        try await Task.sleep(for: .milliseconds(300))
        try await h.customerWrites("hello\r\nPRIVMSG #x :pwned\r\n\u{1}VERSION\u{1} \u{3}4,1red\u{2}bold\u{0}null")
        let card = try await Self.lines(founder, containing: "pwned", in: "#di-support")
        #expect(!card.text.contains("\u{1}") && !card.text.contains("\u{3}4") && !card.text.contains("\u{0}"))
        try await Task.sleep(for: .seconds(1))
        #expect(await founder.messages(in: "#x").isEmpty, "nothing reached #x")
    }
}

@Suite("Desk under a burst", .needsServers)
struct DeskBurstTests {
    @Test("200 messages at once: never disconnected, every ticket shown (card or summary), urgent first")
    func burst() async throws {
        // A 30 s gathering window: the 200 ingests must all land inside one window for "urgent first" to be
        // the whole story, and on a busy machine they can take longer than the default 1 s.
        let h = try await DeskFlowTests.start(nick: "deskburst", channels: ["#db-support", "#db-finance", "#db-churn"], cardWindow: .seconds(30))
        defer { Task { await h.stop() } }
        let watcher = RunningClient(h.net.configuration(nick: "burstwatch", channels: ["#db-support"]))
        defer { Task { await watcher.stop() } }
        try await watcher.waitUntilJoined("#db-support")
        try await Task.sleep(for: .milliseconds(300))

        let urgentEvery = 20
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 1...200 {
                group.addTask {
                    try await h.customerWrites("message \(index) about my account", from: "+9715\(String(format: "%08d", index))",
                                               urgency: index % urgentEvery == 0 ? .high : .normal)
                }
            }
            try await group.waitForAll()
        }
        let expectedUrgent = 200 / urgentEvery
        let deadline = ContinuousClock.now.advanced(by: .seconds(90))
        var lines: [String] = []
        func shown(_ lines: [String]) -> Int {
            let cards = lines.filter { $0.contains("!claim") }.count
            let summarised = lines.compactMap { line -> Int? in
                guard line.contains(" new in #db-support") else { return nil }
                return Int(line.prefix { $0.isNumber })
            }.reduce(0, +)
            return cards + summarised
        }
        while ContinuousClock.now < deadline {
            lines = await watcher.messages(in: "#db-support").filter { $0.senderNick == "deskburst" }.map(\.text)
            if shown(lines) >= 200 { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        #expect(shown(lines) == 200, "every ticket appears once, individually or in a summary")
        let urgentPositions = lines.indices.filter { lines[$0].contains("high") && lines[$0].contains("!claim") }
        let firstSummary = lines.firstIndex { $0.contains(" new in #db-support") }
        #expect(urgentPositions.count == expectedUrgent)
        #expect(urgentPositions.allSatisfy { $0 < (firstSummary ?? .max) }, "urgent cards come before the summary")
        // Cards leave at once while the flood gate keeps up, so a few ordinary ones can precede an urgent
        // ticket that arrived later; once the burst outruns the gate they are held and summarised.
        let ordinaryAhead = lines.prefix(urgentPositions.last ?? 0).filter { $0.contains("!claim") && !$0.contains("high") }
        #expect(ordinaryAhead.count < 200 - expectedUrgent - 20, "most ordinary tickets wait behind the urgent ones: \(ordinaryAhead.count)")
        #expect(lines.contains { $0.contains(" new in #db-support") }, "a flooded channel gets a summary line")
        #expect(await h.bot.state == .connected, "the server never disconnected the bot")
    }
}

extension Array where Element: Sendable {
    func asyncAllSatisfy(_ predicate: (Element) async -> Bool) async -> Bool {
        for element in self where !(await predicate(element)) { return false }
        return true
    }
}
