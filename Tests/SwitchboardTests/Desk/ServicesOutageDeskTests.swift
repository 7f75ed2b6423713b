import Desk
import Foundation
import IRCClient
import Logging
import Store
@testable import Switchboard
import Testing
import TestSupport

/// The desk while Atheme is away, on a network of its own (the test stops and restarts the real services).
@Suite("Desk when services go away", .needsServers)
struct ServicesOutageDeskTests {
    @Test("services stop: the desk says so, refuses people it cannot verify with the reason, keeps serving logged-in agents, and recovers")
    func servicesOutage() async throws {
        let net = try await TestNetwork.start(accounts: ["switchboard:desk-svc-secret", "aisha:aisha-svc-secret"])
        defer { Task { try? await net.stop() } }
        let database = try AppDatabase.inMemory()
        var config = net.configuration(nick: "desksvc", account: "switchboard", channels: ["#so-support"],
                                       floodBurst: 8, floodInterval: .milliseconds(600))
        config.servicesCheckInterval = .seconds(10)
        var logger = Logger(label: "test.desksvc")
        logger.logLevel = ProcessInfo.processInfo.environment["SWITCHBOARD_IRC_TRACE"] != nil ? .trace : .info
        let bot = IRCClient(configuration: config, logger: logger)
        var settings = DeskBot.Settings()
        settings.deskChannels = ["#so-support"]
        let router = TicketRouter(rules: [RoutingRule(name: "routing[0]", isDefault: true, channel: "#so-support", team: "support")],
                                  fallbackChannel: "#so-support")
        let policy = Policy(directory: AgentDirectory([.init(account: "aisha", teams: ["support"], role: .agent)]))
        let desk = DeskBot(database: database, output: bot, router: router, policy: policy, settings: settings)
        let run = Task { await bot.run() }
        let feed = Task { await desk.run(events: bot.events) }
        defer { Task { await bot.shutdown(); run.cancel(); feed.cancel() } }

        let aisha = RunningClient(net.configuration(nick: "aisha", account: "aisha", channels: ["#so-support"]))
        defer { Task { await aisha.stop() } }
        let guest = RunningClient(net.configuration(nick: "guest", channels: ["#so-support"]))
        defer { Task { await guest.stop() } }
        try await aisha.waitUntilJoined("#so-support")
        try await guest.waitUntilJoined("#so-support")
        try await eventually("the bot joined and knows services are up", timeout: .seconds(30)) {
            let joined = await bot.isInChannel("#so-support")
            let online = await desk.servicesOnline
            return joined && online == true
        }

        let pipeline = IntakePipeline(database: database, triager: DeskFlowTests.FixedTriager(category: .support, urgency: .normal),
                                      listener: desk)
        _ = try await pipeline.accept(InboundMessage(channel: .whatsapp, providerID: "SMsvc1", contact: .phone("+971501232233"),
                                                     displayName: "Omar Haddad", text: "The app will not open"))
        _ = try await DeskFlowTests.lines(aisha, containing: "!claim 1", in: "#so-support")

        try await net.stopServices()
        _ = try await DeskFlowTests.lines(aisha, containing: "services (NickServ) are down", in: "#so-support", timeout: .seconds(40))

        try await guest.client.sendText("!claim 1", to: "#so-support")
        let refusal = try await DeskFlowTests.lines(guest, containing: "guest: I can't verify who you are", in: "#so-support", timeout: .seconds(40))
        #expect(refusal.text.contains("services (NickServ) are down"))
        #expect(try await database.ticket(id: 1)?.owner == nil, "a refusal changes nothing")

        try await aisha.client.sendText("!claim 1", to: "#so-support")
        _ = try await DeskFlowTests.lines(aisha, containing: "aisha claimed #1", in: "#so-support", timeout: .seconds(40))

        try await net.startServices()
        _ = try await DeskFlowTests.lines(aisha, containing: "services are back: logins work again", in: "#so-support", timeout: .seconds(40))
        await guest.clearEvents()
        try await guest.client.sendText("!close 1", to: "#so-support")
        let usual = try await DeskFlowTests.lines(guest, containing: "guest: ", in: "#so-support", timeout: .seconds(40))
        #expect(usual.text.contains("you are not logged in to services"), "with services back, the usual refusal: \(usual.text)")

        let refusals = try await database.history(ticketID: 1).filter { $0.kind == EventKind("refused") }
        #expect(refusals.isEmpty, "someone who is not a verified agent writes nothing into a ticket's log")
        #expect(try await database.ticket(id: 1)?.owner == "aisha")
        let announcements = await aisha.messages(in: "#so-support").filter { $0.senderNick == "desksvc" && $0.text.hasPrefix("services") }
        #expect(announcements.count == 2, "one line when services left, one when they came back: \(announcements.map(\.text))")
    }
}
