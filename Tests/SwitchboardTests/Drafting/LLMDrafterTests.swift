import AsyncHTTPClient
import Desk
import Foundation
import Store
@testable import Switchboard
import Testing
import TestSupport

/// The optional LLM drafter against a local OpenAI-compatible stub: the request it sends, the answer it
/// takes, and the failures that make the desk fall back to the built-in drafter.
@Suite("LLM drafter", .serialized)
struct LLMDrafterTests {
    static let context = LLMDrafter.Context(
        customerName: "Omar Haddad", company: "Haddad Trading", plan: "Growth", lang: "ar", channel: .whatsapp,
        facts: "duplicate charge of AED 299 refunded today, 5-7 working days", history: [("customer", "اتخصم مني مرتين")],
        article: (title: "Refunds and duplicate charges", url: "https://help.example.com/refunds", passage: "Refunds reach the card in 5-7 working days."),
        baseline: "أهلاً عمر 👋 تم رد 299 درهم اليوم.")

    static func drafter(_ stub: ProviderStub, client: HTTPClient, timeout: Duration = .seconds(5)) -> LLMDrafter {
        LLMDrafter(client: client, settings: .init(baseURL: stub.baseURL + "/v1/", model: "local-model", apiKey: "sk-test-123", timeout: timeout))
    }

    static func completion(_ text: String) -> ProviderStub.Answer {
        let content = String(decoding: try! JSONEncoder().encode([text]), as: UTF8.self).dropFirst().dropLast()
        return .json(status: 200, body: #"{"id": "chatcmpl-1", "object": "chat.completion", "choices": [{"index": 0, "message": {"role": "assistant", "content": \#(content)}, "finish_reason": "stop"}]}"#)
    }

    @Test("sends the documented chat-completions request and returns the model's text")
    func request() async throws {
        let stub = try await ProviderStub.start { _, _ in Self.completion("  أهلاً عمر 👋 رجّعنا 299 درهم النهارده، وهتوصل لبطاقتك خلال ٥–٧ أيام عمل.  ") }
        defer { stub.stop() }
        let text = try await Self.drafter(stub, client: .shared).draft(Self.context)
        #expect(text == "أهلاً عمر 👋 رجّعنا 299 درهم النهارده، وهتوصل لبطاقتك خلال ٥–٧ أيام عمل.")
        let request = try #require(stub.requests.first)
        #expect(request.path == "/v1/chat/completions")
        #expect(request.header("Authorization") == "Bearer sk-test-123")
        let json = try #require(request.json)
        #expect(json["model"] as? String == "local-model")
        let messages = try #require(json["messages"] as? [[String: String]])
        #expect(messages.map { $0["role"] } == ["system", "user"])
        #expect(messages[0]["content"]?.contains("\"ar\"") == true && messages[0]["content"]?.contains("WhatsApp") == true)
        let user = messages[1]["content"] ?? ""
        for piece in ["Omar Haddad", "AED 299", "Refunds and duplicate charges", "https://help.example.com/refunds", "اتخصم مني مرتين"] {
            #expect(user.contains(piece), "the prompt lacks \(piece)")
        }
    }

    @Test("an HTTP error, an empty answer and a timeout are failures the desk falls back from")
    func failures() async throws {
        let client = HTTPClient.shared
        for answer in [ProviderStub.Answer.json(status: 500, body: #"{"error": {"message": "overloaded"}}"#), Self.completion("   "), .hang] {
            let stub = try await ProviderStub.start { _, _ in answer }
            await #expect(throws: LLMDrafter.Failure.self) {
                _ = try await Self.drafter(stub, client: client, timeout: .seconds(1)).draft(Self.context)
            }
            stub.stop()
        }
    }

    @Test("draft N uses the LLM's text when it answers, and the built-in draft with a note when it does not", .needsServers)
    func deskUsesAndFallsBack() async throws {
        let stub = try await ProviderStub.start { _, index in
            index == 0 ? Self.completion("Hi Omar 👋 We refunded the AED 299 duplicate today; it reaches your card in 5-7 working days.")
                       : .json(status: 503, body: "{}")
        }
        defer { stub.stop() }
        let client = HTTPClient.shared
        let clock = FollowUpTests.TestClock()
        let rig = FollowUpTests.DeskRig(clock: clock, database: try AppDatabase.inMemory(now: clock.function),
                                        llm: Self.drafter(stub, client: client, timeout: .seconds(30)))
        try await rig.customerWrites("I was charged twice for Growth this month")
        try await rig.waitForTimers(1, count: 2)
        await rig.agent("draft 1 duplicate charge of AED 299 refunded today, 5-7 working days")
        #expect(rig.output.all.contains("#1 │ Hi Omar 👋 We refunded the AED 299 duplicate today; it reaches your card in 5-7 working days."))
        let first = try #require(try await rig.database.history(ticketID: 1).last { $0.kind == .drafted })
        #expect(first.detail["source"] == "LLM")
        let prompt = try #require(stub.requests.first?.text)
        #expect(prompt.contains("AED 299") && prompt.contains("charged twice"), "the prompt carries the facts and the customer's words")

        await rig.agent("draft 1 duplicate charge of AED 299 refunded today, 5-7 working days")
        let second = try #require(try await rig.database.history(ticketID: 1).last { $0.kind == .drafted })
        #expect(second.detail["source"] == "built-in")
        #expect(second.detail["text"]?.contains("Duplicate charge of AED 299 refunded today") == true)
        #expect(rig.output.all.contains { $0.contains("the LLM drafter did not answer") })
    }
}
