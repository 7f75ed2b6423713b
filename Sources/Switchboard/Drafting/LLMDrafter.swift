import AsyncHTTPClient
import Desk
import Foundation
import NIOCore
import NIOHTTP1

/// An optional drafter behind any OpenAI-compatible chat-completions endpoint (`POST {base_url}/chat/completions`).
///
/// It only rewrites: the built-in draft, the agent's facts, the customer's recent messages and the best
/// knowledge-base passage go in, and the model is told to add nothing else. Any failure (timeout, HTTP
/// error, an empty or oversized answer) returns an error so the desk falls back to the built-in draft:
/// an agent is never left without a draft because a model is down.
struct LLMDrafter: Sendable {
    struct Settings: Sendable, Hashable {
        var baseURL: String
        var model: String
        var apiKey: String?
        var timeout: Duration = .seconds(20)
    }

    struct Context: Sendable {
        var customerName: String?
        var company: String?
        var plan: String?
        var lang: String
        var channel: Desk.Channel
        var facts: String?
        /// Oldest first: ("customer" | "agent", text).
        var history: [(String, String)]
        var article: (title: String, url: String, passage: String)?
        /// The built-in draft: what a safe reply looks like, for the model to improve on.
        var baseline: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let client: HTTPClient
    let settings: Settings

    func draft(_ context: Context) async throws(Failure) -> String {
        var request = HTTPClientRequest(url: settings.baseURL.trimmingSuffix("/") + "/chat/completions")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let apiKey = settings.apiKey { request.headers.add(name: "Authorization", value: "Bearer \(apiKey)") }
        let body: [String: Any] = [
            "model": settings.model,
            "temperature": 0.3,
            "messages": [
                ["role": "system", "content": Self.instructions(for: context)],
                ["role": "user", "content": Self.prompt(for: context)],
            ],
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: body) else { throw Failure(description: "could not encode the request") }
        request.body = .bytes(ByteBuffer(bytes: data))
        let seconds = Int64(settings.timeout.components.seconds)
        do {
            let response = try await client.execute(request, timeout: .seconds(max(seconds, 1)))
            let bytes = try await response.body.collect(upTo: 1 << 20)
            guard response.status == .ok else { throw Failure(description: "the model endpoint answered HTTP \(response.status.code)") }
            let json = (try? JSONSerialization.jsonObject(with: Data(bytes.readableBytesView))) as? [String: Any]
            let choices = json?["choices"] as? [[String: Any]]
            let message = choices?.first?["message"] as? [String: Any]
            guard let text = (message?["content"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                throw Failure(description: "the model's answer had no text")
            }
            guard text.count <= (context.channel == .whatsapp ? 1_000 : 4_000) else {
                throw Failure(description: "the model's answer was too long for \(context.channel.rawValue)")
            }
            return text
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "the model endpoint did not answer: \(error)")
        }
    }

    static func instructions(for context: Context) -> String {
        let tone = context.channel == .whatsapp
            ? "This is a WhatsApp reply: short (at most 3 sentences), warm, at most one question, no letterhead, no signature."
            : "This is an email reply: a greeting with the customer's first name, short paragraphs, and a signature line."
        return """
            You draft replies for a customer support team. Write the reply in the language with BCP 47 tag "\(context.lang)". \
            \(tone) Use only the agent's facts, the knowledge-base passage and the draft you are given: never invent amounts, \
            dates, policies or promises. If the reply defers anything, keep the concrete time the draft names. \
            Answer with the reply text only.
            """
    }

    static func prompt(for context: Context) -> String {
        var parts: [String] = []
        let who = [context.customerName, context.company.map { "company \($0)" }, context.plan.map { "plan \($0)" }].compactMap { $0 }
        if !who.isEmpty { parts.append("Customer: " + who.joined(separator: ", ")) }
        if !context.history.isEmpty {
            parts.append("Conversation so far:\n" + context.history.suffix(6).map { "\($0.0): \($0.1)" }.joined(separator: "\n"))
        }
        if let facts = context.facts { parts.append("Agent's facts: \(facts)") }
        if let article = context.article { parts.append("Knowledge base: \(article.title) (\(article.url))\n\(article.passage)") }
        parts.append("Draft to improve:\n\(context.baseline)")
        return parts.joined(separator: "\n\n")
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
