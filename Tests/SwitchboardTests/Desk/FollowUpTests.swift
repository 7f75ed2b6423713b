import Desk
import Foundation
import IRC
import IRCClient
import Store
@testable import Switchboard
import Synchronization
import Testing

/// Follow-up timers with an injected clock: every path (first-response escalation, awaiting the
/// customer, the WhatsApp window, snooze) and restarts around a due time.
@Suite("Follow-ups", .serialized)
struct FollowUpTests {
    final class TestClock: Sendable {
        private let current = Mutex(Date(timeIntervalSince1970: 1_795_000_000))
        var now: Date { current.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
        var function: @Sendable () -> Date { { self.now } }
    }

    /// Keeps every line the desk says, with its target.
    final class RecordingOutput: ChatOutput {
        private let lines = Mutex<[(target: String, text: String)]>([])
        func say(_ line: IRCLine, to target: String, priority: OutboundPriority, account: String?) async {
            lines.withLock { $0.append((target, line.text)) }
        }
        func backlog(atMost priority: OutboundPriority) async -> Int { 0 }
        var all: [String] { lines.withLock { $0.map(\.text) } }
        func containing(_ needle: String) -> [String] { all.filter { $0.contains(needle) } }
    }

    struct DeskRig {
        let clock: TestClock
        let database: AppDatabase
        let output = RecordingOutput()
        let bot: DeskBot

        init(clock: TestClock, database: AppDatabase, followUps: FollowUpSettings = FollowUpSettings(followUpTemplate: "follow_up"),
             churnWatch: DeskBot.ChurnWatchSettings? = nil, llm: LLMDrafter? = nil) {
            self.clock = clock
            self.database = database
            let router = TicketRouter(rules: [RoutingRule(name: "routing[0]", isDefault: true, channel: "#support", team: "support")],
                                      fallbackChannel: "#support")
            let policy = Policy(directory: AgentDirectory([
                .init(account: "founder", teams: ["support", "cs"], role: .admin),
                .init(account: "techlead", teams: ["eng"], role: .lead),
                .init(account: "aisha", teams: ["support"], role: .agent),
            ]))
            var settings = DeskBot.Settings()
            settings.followUps = followUps
            settings.churnWatch = churnWatch
            settings.llm = llm
            bot = DeskBot(database: database, output: output, router: router, policy: policy, settings: settings, now: clock.function)
        }

        func customerWrites(_ text: String, id: String = UUID().uuidString, category: Category = .support,
                            phone: String = "+971501232233", name: String = "Omar Haddad") async throws {
            let pipeline = IntakePipeline(database: database, triager: DeskFlowTests.FixedTriager(category: category, urgency: .normal), listener: bot)
            _ = try await pipeline.accept(InboundMessage(channel: .whatsapp, providerID: "SM" + id, contact: .phone(phone),
                                                         displayName: name, text: text))
        }

        func agent(_ text: String, account: String = "aisha") async {
            await bot.handle(IRCChatMessage(channel: nil, senderNick: account, senderAccount: account, text: text, time: clock.now))
        }

        /// The intake announces in a task of its own; wait until the ticket has its first-response timer.
        func waitForTimers(_ ticketID: Int64, count: Int) async throws {
            for _ in 0..<200 {
                if try await database.pendingTimers(ticketID: ticketID).count >= count { return }
                try await Task.sleep(for: .milliseconds(10))
            }
            Issue.record("ticket #\(ticketID) never got \(count) timers")
        }
    }

    static func fresh() throws -> DeskRig {
        let clock = TestClock()
        return DeskRig(clock: clock, database: try AppDatabase.inMemory(now: clock.function))
    }

    @Test("an unclaimed ticket is escalated to the admins once its first-response SLA passes, and only once")
    func firstResponseEscalation() async throws {
        let desk = try Self.fresh()
        try await desk.customerWrites("How do I export my invoices?")
        try await desk.waitForTimers(1, count: 2)
        desk.clock.advance(3 * 3600 + 59 * 60)
        #expect(await desk.bot.fireDueTimers() == 0, "not due before four hours")
        desk.clock.advance(2 * 60)
        #expect(await desk.bot.fireDueTimers() == 1)
        let escalation = desk.output.containing("first-response SLA missed")
        #expect(escalation.count == 1)
        #expect(escalation.first?.contains("founder: !claim 1") == true, "\(escalation)")
        #expect(desk.output.all.contains { $0.contains("\u{02}#1\u{02}") && $0.contains("!claim 1") }, "the card is posted again")
        desk.clock.advance(3600)
        #expect(await desk.bot.fireDueTimers() == 0, "escalated once")
        #expect(try await desk.database.history(ticketID: 1).filter { $0.kind == "follow_up" }.map { $0.detail["action"] } == ["escalated"])
    }

    @Test("a claimed ticket is not escalated, and an urgent churn risk is due sooner, in business hours")
    func claimedAndBusinessHours() async throws {
        let desk = try Self.fresh()
        try await desk.customerWrites("How do I export my invoices?")
        try await desk.waitForTimers(1, count: 2)
        await desk.agent("claim 1")
        desk.clock.advance(5 * 3600)
        _ = await desk.bot.fireDueTimers()
        #expect(desk.output.containing("SLA missed").isEmpty)

        let hours = BusinessHours(timeZone: TimeZone(identifier: "Asia/Dubai")!, days: [1, 2, 3, 4, 5], opens: 9 * 60, closes: 18 * 60)
        let policy = FollowUpPolicy(settings: FollowUpSettings(hours: hours, levels: ServiceLevels(
            firstResponse: .seconds(4 * 3600), firstResponseByCategory: [.churnRisk: .seconds(2 * 3600)], firstResponseUrgent: .seconds(3600))))
        // Thursday 2026-11-26 17:30 in Dubai.
        let created = ISO8601DateFormatter().date(from: "2026-11-26T17:30:00+04:00")!
        var ticket = try #require(try await desk.database.ticket(id: 1))
        ticket.createdAt = created
        ticket.category = .churnRisk
        #expect(policy.firstResponseDue(for: ticket) == ISO8601DateFormatter().date(from: "2026-11-29T10:30:00+04:00")!, "Sunday 10:30")
        ticket.urgency = .high
        #expect(policy.firstResponseDue(for: ticket) == ISO8601DateFormatter().date(from: "2026-11-29T09:30:00+04:00")!)
    }

    @Test("a silent customer after our reply nudges the owner with close, snooze and the follow-up template; a reply cancels it")
    func awaitingCustomer() async throws {
        let desk = try Self.fresh()
        try await desk.customerWrites("Is the Growth plan billed monthly?")
        try await desk.waitForTimers(1, count: 2)
        await desk.agent("claim 1")
        await desk.agent("send 1 Yes, monthly on the 1st; you can switch to yearly under Billing → Plan today.")
        desk.clock.advance(20 * 3600)
        _ = await desk.bot.fireDueTimers()
        #expect(desk.output.containing("no word from the customer").isEmpty)
        desk.clock.advance(4 * 3600 + 1)
        _ = await desk.bot.fireDueTimers()
        let nudge = try #require(desk.output.containing("no word from the customer").first)
        #expect(nudge.hasPrefix("aisha: #1"), "\(nudge)")
        #expect(nudge.contains("!close 1") && nudge.contains("!snooze 1 1d") && nudge.contains("!template 1 follow_up"), "\(nudge)")

        // Second ticket: the customer answers before the day is out, so nobody is nudged.
        try await desk.customerWrites("Another question: can I add a second admin?", id: "second")
        await desk.agent("send 1 Yes: Settings → Team → Invite, then pick the Admin role.")
        desk.clock.advance(3600)
        try await desk.customerWrites("Done, thanks!", id: "third")
        desk.clock.advance(24 * 3600)
        _ = await desk.bot.fireDueTimers()
        #expect(desk.output.containing("no word from the customer").count == 1, "the customer's reply cancelled the second nudge")
    }

    @Test("the owner is warned two hours before the WhatsApp window closes on an unresolved ticket")
    func windowWarning() async throws {
        let desk = try Self.fresh()
        try await desk.customerWrites("My order has not arrived")
        try await desk.waitForTimers(1, count: 2)
        await desk.agent("claim 1")
        desk.clock.advance(21 * 3600)
        _ = await desk.bot.fireDueTimers()
        #expect(desk.output.containing("window closes").isEmpty)
        desk.clock.advance(3600 + 1)
        _ = await desk.bot.fireDueTimers()
        let warning = try #require(desk.output.containing("window closes").first)
        #expect(warning.hasPrefix("aisha: #1") && (warning.contains("(in 1h 59m)") || warning.contains("(in 2h)")), "\(warning)")
    }

    @Test("snooze silences follow-ups until it ends, then the ticket comes back and the deferred nudge fires")
    func snooze() async throws {
        let desk = try Self.fresh()
        try await desk.customerWrites("Can you call me about the contract?")
        try await desk.waitForTimers(1, count: 2)
        await desk.agent("claim 1")
        await desk.agent("send 1 Sure — I'll call you tomorrow at 11:00 Dubai time.")
        await desk.agent("snooze 1 2d")
        desk.clock.advance(25 * 3600)
        _ = await desk.bot.fireDueTimers()
        #expect(desk.output.containing("no word from the customer").isEmpty, "silenced while snoozed")
        #expect(desk.output.containing("window closes").isEmpty)
        desk.clock.advance(23 * 3600 + 1)
        _ = await desk.bot.fireDueTimers()
        #expect(desk.output.containing("#1 is back from snooze").count == 1)
        #expect(desk.output.containing("no word from the customer").count == 1, "the deferred nudge fires when the snooze ends")
    }

    @Test("the churn watch posts a daily digest and a weekly summary at the configured local time, once each")
    func churnWatch() async throws {
        let clock = TestClock()
        // Monday 2026-11-23, 07:00 in Dubai.
        clock.advance(ISO8601DateFormatter().date(from: "2026-11-23T07:00:00+04:00")!.timeIntervalSince(clock.now))
        let dubai = TimeZone(identifier: "Asia/Dubai")!
        let desk = DeskRig(clock: clock, database: try AppDatabase.inMemory(now: clock.function),
                        churnWatch: .init(channel: "#churn", schedule: DigestSchedule(timeZone: dubai, at: 9 * 60, weeklyOn: 2)))
        try await desk.customerWrites("If the sync isn't fixed before renewal we'll move to Zoho", category: .churnRisk,
                                      phone: "+971501110001", name: "Priya Nair")
        try await desk.customerWrites("We are cancelling at the end of the month", category: .churnRisk, phone: "+971501110002", name: "Rahul Mehta")
        try await desk.waitForTimers(2, count: 2)
        await desk.agent("claim 1")
        await desk.agent("draft 1 the sync fix ships Thursday")
        await desk.agent("close 2 --silent offered two months free; staying", account: "founder")

        clock.advance(3600 + 59 * 60)
        #expect(await desk.bot.postDueChurnDigests() == 0, "08:59 is too early")
        clock.advance(2 * 60)
        #expect(await desk.bot.postDueChurnDigests() > 0)
        let lines = desk.output.all
        let header = try #require(lines.first { $0.hasPrefix("Daily churn watch") })
        #expect(header == "Daily churn watch (09:00 Asia/Dubai): 1 open churn risk", "\(header)")
        let risk = try #require(lines.first { $0.hasPrefix("  #1 ") })
        #expect(risk.contains("owner aisha") && risk.contains("last: draft not sent"), "\(risk) — all: \(lines)")
        #expect(lines.contains("Weekly churn watch: 2 churn risks opened, 1 closed in the last 7 days"), "\(lines)")
        #expect(lines.contains { $0.contains("#2 closed: \"offered two months free; staying\"") }, "\(lines)")

        let before = desk.output.all.count
        clock.advance(30 * 60)
        #expect(await desk.bot.postDueChurnDigests() == 0, "posted once")
        let restarted = DeskRig(clock: clock, database: desk.database,
                             churnWatch: .init(channel: "#churn", schedule: DigestSchedule(timeZone: dubai, at: 9 * 60, weeklyOn: 2)))
        #expect(await restarted.bot.postDueChurnDigests() == 0, "a restart does not repeat it")
        clock.advance(24 * 3600)
        #expect(await desk.bot.postDueChurnDigests() > 0)
        let tuesday = Array(desk.output.all.dropFirst(before))
        #expect(tuesday.contains { $0.hasPrefix("Daily churn watch") })
        #expect(!tuesday.contains { $0.hasPrefix("Weekly") }, "the weekly summary is on Mondays only")
    }

    @Test("timers that fell due while the bot was down fire once after a restart, never twice")
    func restart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-followup-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("desk.sqlite").path
        let clock = TestClock()
        do {
            let first = DeskRig(clock: clock, database: try AppDatabase.open(path: path, now: clock.function))
            try await first.customerWrites("Where is my invoice?")
            try await first.waitForTimers(1, count: 2)
        }
        // Down for six hours: the first-response timer falls due meanwhile.
        clock.advance(6 * 3600)
        let second = DeskRig(clock: clock, database: try AppDatabase.open(path: path, now: clock.function))
        let third = DeskRig(clock: clock, database: try AppDatabase.open(path: path, now: clock.function))
        // Two processes racing for the same due timer: the durable claim lets exactly one act.
        async let a = second.bot.fireDueTimers()
        async let b = third.bot.fireDueTimers()
        let fired = await a + b
        #expect(fired == 1)
        #expect((second.output.containing("SLA missed") + third.output.containing("SLA missed")).count == 1)
        let restarted = DeskRig(clock: clock, database: try AppDatabase.open(path: path, now: clock.function))
        #expect(await restarted.bot.fireDueTimers() == 0)
        #expect(restarted.output.all.isEmpty)
    }
}
