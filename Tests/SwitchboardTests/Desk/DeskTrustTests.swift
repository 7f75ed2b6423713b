import Desk
import Foundation
import IRC
import IRCClient
import Store
@testable import Switchboard
import Testing
import TestSupport

/// Trust at the edges of the desk, on the real InspIRCd + Atheme network: what reaches IRC, who may act,
/// and what a flood can do.
@Suite("Desk trust", .serialized, .needsServers)
struct DeskTrustTests {
    static func botLines(_ client: RunningClient, from bot: String) async -> [String] {
        await client.messages().filter { $0.senderNick == bot }.map(\.text)
    }

    /// The first visible character of a line (after IRC formatting and spaces).
    static func lead(_ text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { !($0.properties.isWhitespace || $0.value < 0x20) }
    }

    @Test("a card or show line split anywhere never gives a piece that starts with the customer's words")
    func noPieceStartsWithCustomerText() async throws {
        let h = try await DeskFlowTests.start(nick: "desksplit", channels: ["#ds-support", "#ds-finance", "#ds-churn"])
        defer { Task { await h.stop() } }
        let aisha = RunningClient(h.net.configuration(nick: "ds-aisha", account: "aisha", channels: ["#ds-support"]))
        defer { Task { await aisha.stop() } }
        try await aisha.waitUntilJoined("#ds-support")

        // Thai padding (3 bytes a character, no spaces) moves the split point across the customer's
        // "!op mallory"; one customer, eight lengths, one ticket.
        for padding in stride(from: 96, through: 124, by: 4) {
            try await h.customerWrites(String(repeating: "ก", count: padding) + " !op mallory +o " + String(repeating: "ข", count: 40),
                                       urgency: .high)
        }
        _ = try await DeskFlowTests.lines(aisha, containing: "!claim 1", in: "#ds-support")
        try await aisha.client.sendText("show 1", to: "desksplit")
        _ = try await DeskFlowTests.lines(aisha, containing: "more lines")
        try await aisha.client.sendText("more", to: "desksplit")
        try await eventually("the second page of show") { await Self.botLines(aisha, from: "desksplit").filter { $0.contains("!op") }.count >= 9 }

        let lines = await Self.botLines(aisha, from: "desksplit")
        #expect(lines.count >= 10)
        for line in lines {
            let first = Self.lead(line)
            #expect(first.map { !IRCLine.commandPrefixes.contains($0) } ?? true, "a bot line starts with a command prefix: \(line.prefix(40))")
            #expect(first.map { !(0x0E00...0x0E7F).contains($0.value) } ?? true, "a bot line starts with the customer's text: \(line.prefix(40))")
        }
        #expect(lines.contains { $0.hasPrefix("#1 … ") }, "long lines continue with the ticket's number")
    }

    @Test("the holder keeps a ticket after replying and after a reopen; only assign moves it")
    func noTakeover() async throws {
        let agents: [AgentDirectory.Agent] = [
            .init(account: "founder", teams: ["finance", "cs", "support"], role: .admin),
            .init(account: "techlead", teams: ["support"], role: .agent),
            .init(account: "aisha", teams: ["support", "cs"], role: .agent),
        ]
        let h = try await DeskFlowTests.start(nick: "deskhold", channels: ["#dh-support", "#dh-finance", "#dh-churn"], agents: agents)
        defer { Task { await h.stop() } }
        let aisha = RunningClient(h.net.configuration(nick: "dh-aisha", account: "aisha", channels: ["#dh-support"]))
        let colleague = RunningClient(h.net.configuration(nick: "dh-colleague", account: "techlead", channels: ["#dh-support"]))
        defer { Task { await aisha.stop(); await colleague.stop() } }
        try await aisha.waitUntilJoined("#dh-support")
        try await colleague.waitUntilJoined("#dh-support")

        try await h.customerWrites("I can't log in since this morning")
        _ = try await DeskFlowTests.lines(aisha, containing: "!claim 1", in: "#dh-support")
        try await aisha.client.sendText("!claim 1", to: "#dh-support")
        _ = try await DeskFlowTests.lines(aisha, containing: "aisha claimed #1", in: "#dh-support")
        try await aisha.client.sendText("!send 1 I have reset your login; the new link reaches you within 5 minutes.", to: "#dh-support")
        _ = try await DeskFlowTests.lines(aisha, containing: "#1 queued for WhatsApp", in: "#dh-support")
        #expect(try await h.database.ticket(id: 1)?.state == .awaitingCustomer)

        try await colleague.client.sendText("!claim 1", to: "#dh-support")
        _ = try await DeskFlowTests.lines(colleague, containing: "#1 is claimed by aisha", in: "#dh-support")
        #expect(try await h.database.ticket(id: 1)?.owner == "aisha")

        try await aisha.client.sendText("!close 1 --silent", to: "#dh-support")
        _ = try await DeskFlowTests.lines(aisha, containing: "#1 closed by aisha", in: "#dh-support")
        try await h.customerWrites("it happened again")
        try await eventually("the reopen") { try await h.database.ticket(id: 1)?.state == .open }
        try await colleague.client.sendText("!claim 1", to: "#dh-support")
        try await eventually("the second refusal") {
            await colleague.messages(in: "#dh-support").filter { $0.text.contains("#1 is claimed by aisha") }.count == 2
        }
        try await colleague.client.sendText("!unclaim 1", to: "#dh-support")
        _ = try await DeskFlowTests.lines(colleague, containing: "#1 is held by aisha", in: "#dh-support")
        #expect(try await h.database.ticket(id: 1)?.owner == "aisha")

        let founder = RunningClient(h.net.configuration(nick: "dh-founder", account: "founder", channels: ["#dh-support"]))
        defer { Task { await founder.stop() } }
        try await founder.waitUntilJoined("#dh-support")
        try await founder.client.sendText("!assign 1 techlead", to: "#dh-support")
        _ = try await DeskFlowTests.lines(founder, containing: "#1 assigned to techlead", in: "#dh-support")
        #expect(try await h.database.ticket(id: 1)?.owner == "techlead")
    }

    @Test("a stranger gets the same refusal whether the ticket exists or not, and writes nothing into its log")
    func strangersLearnNothing() async throws {
        let h = try await DeskFlowTests.start(nick: "deskstranger", channels: ["#dx-support", "#dx-finance", "#dx-churn"])
        defer { Task { await h.stop() } }
        try await h.customerWrites("my card was charged twice", category: .billing)
        try await eventually("routing") { try await h.database.ticket(id: 1)?.routeChannel != nil }
        try await Task.sleep(for: .milliseconds(500))
        let before = try await h.database.history(ticketID: 1).count
        let mallory = RunningClient(h.net.configuration(nick: "dx-mallory", account: "mallory"))
        let anonymous = RunningClient(h.net.configuration(nick: "anon\(Int.random(in: 100...999))"))
        defer { Task { await mallory.stop(); await anonymous.stop() } }
        try await mallory.waitUntilRegistered()
        try await anonymous.waitUntilRegistered()

        for client in [mallory, anonymous] {
            for command in ["show 1", "show 999", "claim 1", "claim 999", "customer 1"] {
                try await client.client.sendText(command, to: "deskstranger")
            }
            try await eventually("five refusals") { await Self.botLines(client, from: "deskstranger").count >= 5 }
            let replies = await Self.botLines(client, from: "deskstranger")
            #expect(Set(replies).count == 1, "one answer for every ticket number: \(replies)")
            #expect(replies.allSatisfy { $0.hasPrefix("only agents listed in config") })
        }
        let after = try await h.database.history(ticketID: 1)
        #expect(after.count == before, "nothing written: \(after.suffix(3).map(\.kind.rawValue))")
        #expect(!after.contains { $0.kind.rawValue == "refused" })
    }

    @Test("a DM reply waiting in the queue follows the account, never the nick")
    func dmFollowsTheAccount() async throws {
        // One line every 3 s after a burst of two, so the reply is still queued when the nicks change.
        let h = try await DeskFlowTests.start(nick: "deskdm", channels: ["#dd-support", "#dd-finance", "#dd-churn"],
                                              floodBurst: 2, floodInterval: .seconds(3))
        defer { Task { await h.stop() } }
        let aisha = RunningClient(h.net.configuration(nick: "dd-aisha", account: "aisha", channels: ["#dd-support"]))
        let mallory = RunningClient(h.net.configuration(nick: "dd-mallory", account: "mallory", channels: ["#dd-support"]))
        defer { Task { await aisha.stop(); await mallory.stop() } }
        try await aisha.waitUntilJoined("#dd-support")
        try await mallory.waitUntilJoined("#dd-support")
        try await h.customerWrites("please call me back", from: "+971501119876")
        _ = try await DeskFlowTests.lines(aisha, containing: "!claim 1", in: "#dd-support", timeout: .seconds(30))

        // Fill the queue with replies, then ask for the customer's contact details in private.
        try await aisha.client.sendText("!help", to: "#dd-support")
        try await aisha.client.sendText("!help", to: "#dd-support")
        try await aisha.client.sendText("customer 1", to: "deskdm")
        try await eventually("the bot to queue replies") { await h.bot.queuedLineCount > 0 }
        #expect(await h.bot.queuedLineCount > 0, "the private reply is still waiting")
        try await aisha.client.send(IRCMessage(command: "NICK", parameters: ["dd-aisha-away"]))
        try await eventually("the nick change") { await aisha.client.currentNick == "dd-aisha-away" }
        try await mallory.client.send(IRCMessage(command: "NICK", parameters: ["dd-aisha"]))

        let contacts = try await DeskFlowTests.lines(aisha, containing: "+971501119876", timeout: .seconds(40))
        #expect(contacts.channel == nil)
        // A fixed wait on purpose: the test proves nothing reaches mallory during it.
        try await Task.sleep(for: .seconds(1))
        let leaked = await mallory.messages().filter { $0.channel == nil && $0.senderNick == "deskdm" }
        #expect(leaked.isEmpty, "mallory on aisha's old nick got: \(leaked.map(\.text))")
    }

    @Test("1,000 urgent tickets at once: an agent's command is answered within 2 s, the bot stays connected, cards fold")
    func urgentFlood() async throws {
        // The production gate: four lines, then one every 2 s.
        let h = try await DeskFlowTests.start(nick: "deskflood", channels: ["#df2-support", "#df2-finance", "#df2-churn"],
                                              floodBurst: 4, floodInterval: .seconds(2))
        defer { Task { await h.stop() } }
        let aisha = RunningClient(h.net.configuration(nick: "df2-aisha", account: "aisha", channels: ["#df2-support"]))
        defer { Task { await aisha.stop() } }
        try await aisha.waitUntilJoined("#df2-support")

        let flood = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 1...1000 {
                    group.addTask {
                        try await h.customerWrites("URGENT!!! \(index) nothing works", from: "+9715\(String(format: "%08d", index))", urgency: .high)
                    }
                }
                try await group.waitForAll()
            }
        }
        try await eventually("cards arriving") { await Self.botLines(aisha, from: "deskflood").count >= 3 }
        var latencies: [Duration] = []
        for attempt in 1...3 {
            let asked = ContinuousClock.now
            try await aisha.client.sendText("!help queue", to: "#df2-support")
            try await eventually("help #\(attempt)", timeout: .seconds(30), every: .milliseconds(20)) {
                await Self.botLines(aisha, from: "deskflood").filter { $0.hasPrefix("df2-aisha: !queue") }.count == attempt
            }
            latencies.append(asked.duration(to: .now))
            // Pacing: one command a second while the flood runs.
            try await Task.sleep(for: .seconds(1))
        }
        try await flood.value
        print("urgent flood: command answered in \(latencies)")
        #expect(latencies.allSatisfy { $0 < .seconds(2) }, "command answered in \(latencies)")

        // Every ticket is shown once, on a card or in an urgent summary, in a handful of lines.
        var shown = 0
        var lines: [String] = []
        try await eventually("all 1,000 shown", timeout: .seconds(60)) {
            lines = await Self.botLines(aisha, from: "deskflood").filter { !$0.hasPrefix("df2-aisha:") }
            shown = lines.filter { $0.contains("!claim") }.count
                + lines.compactMap { $0.contains(" urgent in #df2-support") ? Int($0.prefix { $0.isNumber }) : nil }.reduce(0, +)
            return shown >= 1000
        }
        #expect(shown == 1000)
        #expect(lines.count < 20, "cards folded into summaries, not 1,000 lines: \(lines.count)")
        #expect(lines.contains { $0.contains("urgent in #df2-support") && $0.contains("!queue urgent") })
        #expect(await h.bot.state == .connected, "never disconnected")
        #expect(await h.bot.droppedLineCount == 0)
    }

    @Test("no_action: a media message is never dropped, a stray 'thanks' is shown quietly, a 'thanks' after our reply closes")
    func noMessageFallsThrough() async throws {
        let h = try await DeskFlowTests.start(nick: "desknoaction", channels: ["#dn-support", "#dn-finance", "#dn-churn"])
        defer { Task { await h.stop() } }
        let aisha = RunningClient(h.net.configuration(nick: "dn-aisha", account: "aisha", channels: ["#dn-support"]))
        defer { Task { await aisha.stop() } }
        try await aisha.waitUntilJoined("#dn-support")

        try await h.customerWrites("[voice note]", from: "+971500000101", category: .noAction,
                                   attachments: [AttachmentInfo(contentType: "audio/ogg; codecs=opus")])
        let voice = try await DeskFlowTests.lines(aisha, containing: "[voice note]", in: "#dn-support")
        #expect(voice.text.contains("support") && voice.text.contains("!claim 1"))

        try await h.customerWrites("thanks!", from: "+971500000102", category: .noAction)
        try await h.customerWrites("ok noted 👍", from: "+971500000103", category: .noAction)
        let quiet = try await DeskFlowTests.lines(aisha, containing: "no_action in #dn-support", in: "#dn-support")
        #expect(quiet.text.hasPrefix("2 no_action in #dn-support: \"thanks!\", \"ok noted 👍\""))
        #expect(quiet.text.hasSuffix("!queue no_action"))
        #expect(try await h.database.ticket(id: 2)?.state != .closed, "a stray thanks stays one tag away")
        try await aisha.client.sendText("!queue no_action", to: "#dn-support")
        _ = try await DeskFlowTests.lines(aisha, containing: "\"thanks!\"", in: "#dn-support")

        // Answered, closed, then "thanks": that one is certainly nothing to answer.
        try await aisha.client.sendText("!claim 1", to: "#dn-support")
        try await aisha.client.sendText("!send 1 Your refund was sent today and reaches your card within 5 working days.", to: "#dn-support")
        _ = try await DeskFlowTests.lines(aisha, containing: "#1 queued", in: "#dn-support")
        try await aisha.client.sendText("!close 1 --silent", to: "#dn-support")
        _ = try await DeskFlowTests.lines(aisha, containing: "#1 closed", in: "#dn-support")
        try await h.customerWrites("thank you!", from: "+971500000101", category: .noAction)
        try await eventually("the pleasantry closed") { try await h.database.ticket(id: 4)?.state == .closed }
        #expect(try await h.database.ticket(id: 4)?.resolution == "no_action: closed automatically")
    }

    @Test("the draft an agent reads is the text that is sent; send without text names whose draft it sends")
    func reviewedIsSent() async throws {
        let h = try await DeskFlowTests.start(nick: "deskdraft", channels: ["#dr-support", "#dr-finance", "#dr-churn"])
        defer { Task { await h.stop() } }
        let aisha = RunningClient(h.net.configuration(nick: "dr-aisha", account: "aisha", channels: ["#dr-support"]))
        let founder = RunningClient(h.net.configuration(nick: "dr-founder", account: "founder", channels: ["#dr-support"]))
        defer { Task { await aisha.stop(); await founder.stop() } }
        try await aisha.waitUntilJoined("#dr-support")
        try await founder.waitUntilJoined("#dr-support")
        try await h.customerWrites("where is my refund?")
        _ = try await DeskFlowTests.lines(aisha, containing: "!claim 1", in: "#dr-support")

        try await founder.client.sendText("edit 1 Refund sent today\u{202E}, reaches your card within 5 working days.", to: "deskdraft")
        _ = try await DeskFlowTests.lines(founder, containing: "draft for #1 replaced")
        try await aisha.client.sendText("send 1", to: "deskdraft")
        let queued = try await DeskFlowTests.lines(aisha, containing: "#1 queued for WhatsApp")
        #expect(queued.text.contains("founder's draft"), "the sender is told whose words they sent")
        let sent = try await h.database.messages(ticketID: 1).last { $0.direction == .outbound }?.text
        #expect(sent == "Refund sent today, reaches your card within 5 working days.")

        try await aisha.client.sendText("draft 1 refund arrives by Thursday", to: "deskdraft")
        _ = try await DeskFlowTests.lines(aisha, containing: "Draft for #1")
        try await founder.client.sendText("edit 1 Someone else's later draft with a time: today 5 pm.", to: "deskdraft")
        _ = try await DeskFlowTests.lines(founder, containing: "draft for #1 replaced")
        await aisha.clearEvents()
        try await aisha.client.sendText("send 1", to: "deskdraft")
        let own = try await DeskFlowTests.lines(aisha, containing: "#1 queued for WhatsApp")
        #expect(!own.text.contains("'s draft"), "her own latest draft, not the colleague's newer one")
        let stored = try await h.database.history(ticketID: 1).last { $0.kind == .drafted && $0.actor == "aisha" }?.detail["text"]
        let outbound = try await h.database.messages(ticketID: 1).last { $0.direction == .outbound }?.text
        #expect(stored != nil && outbound == stored)
    }
}
