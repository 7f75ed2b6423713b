import AsyncHTTPClient
import Desk
import Foundation
import IRCClient
import Store
@testable import Switchboard
import Testing
import TestSupport

/// Commands run side by side on the real network: a draft stuck on a silent LLM holds up nobody else,
/// and commands on the same ticket keep their order.
@Suite("Desk commands side by side", .serialized, .needsServers)
struct DeskConcurrencyTests {
    @Test("an LLM draft that stalls does not hold up another agent's claim; the same ticket's next command waits its turn")
    func slowDraftBlocksNobody() async throws {
        let stub = try await ProviderStub.start { _, _ in .hang }
        defer { stub.stop() }
        let llm = LLMDrafter(client: .shared, settings: .init(baseURL: stub.baseURL + "/v1/", model: "local-model", apiKey: "sk-test",
                                                              timeout: .seconds(12)))
        let h = try await DeskFlowTests.start(nick: "deskpar", channels: ["#dp-support", "#dp-finance", "#dp-churn"], llm: llm)
        defer { Task { await h.stop() } }
        let aisha = RunningClient(h.net.configuration(nick: "dp-aisha", account: "aisha", channels: ["#dp-support"]))
        let founder = RunningClient(h.net.configuration(nick: "dp-founder", account: "founder", channels: ["#dp-support"]))
        defer { Task { await aisha.stop(); await founder.stop() } }
        try await aisha.waitUntilJoined("#dp-support")
        try await founder.waitUntilJoined("#dp-support")
        try await h.customerWrites("where is my refund?", from: "+971500000201")
        try await h.customerWrites("the app crashes on login", from: "+971500000202")
        _ = try await DeskFlowTests.lines(aisha, containing: "!claim 2", in: "#dp-support")

        try await aisha.client.sendText("draft 1 refund sent today", to: "deskpar")
        try await eventually("the LLM asked") { !stub.requests.isEmpty }
        try await aisha.client.sendText("send 1 Refund sent today; it reaches your card within 5 working days.", to: "deskpar")
        let asked = ContinuousClock.now
        try await founder.client.sendText("!claim 2", to: "#dp-support")
        _ = try await DeskFlowTests.lines(founder, containing: "founder claimed #2", in: "#dp-support")
        let claimTook = asked.duration(to: .now)
        print("claim answered in \(claimTook) while a draft waited on the LLM")
        #expect(claimTook < .seconds(5), "the claim waited for the draft: \(claimTook)")
        #expect(await aisha.messages().filter { $0.text.contains("Draft for #1") }.isEmpty, "the draft is still waiting on the LLM")

        // The send on the same ticket ran after the draft, not beside it.
        let queued = try await DeskFlowTests.lines(aisha, containing: "#1 queued for WhatsApp", timeout: .seconds(40))
        let draft = try #require(await aisha.messages().first { $0.text.contains("Draft for #1") })
        #expect(draft.time <= queued.time)
        let kinds = try await h.database.history(ticketID: 1).map(\.kind)
        let drafted = try #require(kinds.firstIndex(of: .drafted))
        let sent = try #require(kinds.firstIndex(of: .queued))
        #expect(drafted < sent, "same ticket, same order: \(kinds)")
    }
}
