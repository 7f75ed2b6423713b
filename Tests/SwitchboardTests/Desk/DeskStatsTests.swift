import Desk
import Foundation
import IRCClient
import Store
@testable import Switchboard
import Testing
import TestSupport

/// `stats` in IRC: the report's figures for the last 7 days in three lines, on the real network.
@Suite("Desk stats in IRC", .needsServers)
struct DeskStatsTests {
    @Test("stats answers with volume, times, SLA, reopen rate, backlog and churn risks")
    func stats() async throws {
        let h = try await DeskFlowTests.start(nick: "deskstats", channels: ["#ds-support", "#ds-finance", "#ds-churn"])
        defer { Task { await h.stop() } }
        let aisha = RunningClient(h.net.configuration(nick: "aisha", account: "aisha", channels: ["#ds-support"]))
        defer { Task { await aisha.stop() } }
        try await aisha.waitUntilJoined("#ds-support")
        // By the nick she got: on the shared network another test's aisha may hold "aisha".
        let nick = await aisha.client.currentNick
        try await eventually("the bot to learn aisha's account") { await h.bot.account(of: nick) == "aisha" }

        try await h.customerWrites("How do I export my invoices?")
        _ = try await DeskFlowTests.lines(aisha, containing: "!claim 1", in: "#ds-support")
        try await aisha.client.sendText("!claim 1", to: "#ds-support")
        _ = try await DeskFlowTests.lines(aisha, containing: "aisha claimed #1", in: "#ds-support")
        try await h.customerWrites("We are cancelling at renewal", from: "+971509998877", category: .churnRisk)
        // Routing (which sets the owner) happens after the commit, in the desk's own task.
        try await eventually("routing #2", timeout: .seconds(30)) { try await h.database.ticket(id: 2)?.routeChannel != nil }

        try await aisha.client.sendText("stats", to: "deskstats")
        let volume = try await DeskFlowTests.lines(aisha, containing: "last 7d:")
        #expect(volume.text.hasPrefix("last 7d: 2 opened (2 WhatsApp, 0 email), 0 closed · first response p50 — p90 —"))
        let sla = try await DeskFlowTests.lines(aisha, containing: "SLA 4h:")
        #expect(sla.text.contains("0 breached (0 late, 0 unanswered) · reopen rate — (0/0) · backlog 2: aisha 1, founder 1"))
        let churn = try await DeskFlowTests.lines(aisha, containing: "churn risks:")
        #expect(churn.text.hasPrefix("churn risks: 1 open, 1 opened, 0 closed — #2 Omar Haddad "))
        #expect(churn.text.hasSuffix(" founder"))
    }
}
