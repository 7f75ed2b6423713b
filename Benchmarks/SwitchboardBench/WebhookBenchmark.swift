import AsyncHTTPClient
import Desk
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1
import Store
import Synchronization
import WhatsApp

/// Signed Twilio webhooks with durable commits, against a Hummingbird hello-world route on the same
/// server, in the same run: throughput with a closed loop of concurrent clients, then p50/p99 latency
/// with an open loop at a fixed rate below the webhook's saturation (latency counted from each request's
/// scheduled send time, so a stall is not hidden by the client waiting for it).
///
/// The webhook route does what `POST /webhooks/twilio` does in `serve`, with the same library calls:
/// body limit, `TwilioSignature.isValid` over the public URL and every parameter, `TwilioInboundMessage`
/// decoding, then `AppDatabase.ingest` on an on-disk WAL database with `synchronous = FULL` (one fsync
/// per acknowledged message), then the TwiML answer. (`serve`'s handlers live in the executable target,
/// which a benchmark cannot link.)
enum WebhookBenchmark {
    static let token = "bench-auth-token-0123456789abcdef"
    static let publicURL = "https://support.example.test"
    static let path = "/webhooks/twilio?src=bench"
    static let concurrency = 16

    static func run() async throws -> [BenchmarkRow] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-bench-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try AppDatabase.open(path: folder.appendingPathComponent("bench.sqlite").path)
        let router = Router()
        router.get("/hello") { _, _ in "Hello, world!" }
        router.post("/webhooks/twilio") { request, _ in try await webhook(request, database: database) }
        let port = Mutex(0)
        let ready = AsyncStream.makeStream(of: Void.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                port.withLock { $0 = channel.localAddress?.port ?? 0 }
                ready.continuation.yield()
            })
        return try await withThrowingTaskGroup(of: [BenchmarkRow].self) { group in
            group.addTask { try await app.run(); return [] }
            for await _ in ready.stream { break }
            let base = "http://127.0.0.1:\(port.withLock { $0 })"
            var configuration = HTTPClient.Configuration()
            configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = concurrency
            let rows = try await HTTPClient.withHTTPClient(configuration: configuration) { client in
                try await measure(client: client, base: base)
            }
            group.cancelAll()
            return rows
        }
    }

    // MARK: The measured route

    static func webhook(_ request: Request, database: AppDatabase) async throws -> Response {
        var buffer = try await request.body.collect(upTo: 1 << 20)
        let body = buffer.readBytes(length: buffer.readableBytes) ?? []
        guard let parameters = try? FormURLEncoded.decode(body).map({ ($0.name, $0.value) }),
              TwilioSignature.isValid(
                signature: request.headers[HTTPField.Name("X-Twilio-Signature")!], url: publicURL + (request.head.path ?? ""),
                parameters: parameters, authToken: token)
        else { return Response(status: .forbidden) }
        guard let message = try? TwilioInboundMessage(parameters: parameters) else { return Response(status: .badRequest) }
        let inbound = InboundMessage(
            channel: .whatsapp, providerID: message.messageSid, contact: .phone(message.sender.value),
            displayName: message.profileName, text: message.triageText)
        _ = try await database.ingest(
            inbound, triage: TriageSummary(category: .support, confidence: 0, urgency: .normal, lang: "und"), reopenWithin: .seconds(604_800))
        return Response(
            status: .ok, headers: [.contentType: "text/xml"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: #"<?xml version="1.0" encoding="UTF-8"?><Response/>"#)))
    }

    // MARK: Load

    /// Counts requests so every webhook carries a new MessageSid (a real insert, never a duplicate).
    final class Sequence: Sendable {
        private let next = Mutex(0)
        func take() -> Int { next.withLock { value in defer { value += 1 }; return value } }
    }

    static func makeRequest(base: String, webhook: Bool, sequence: Sequence) -> HTTPClientRequest {
        guard webhook else { return HTTPClientRequest(url: base + "/hello") }
        let index = sequence.take()
        let sid = String(format: "SMbench%026d", index)
        let phone = "+97150\(String(format: "%07d", index % 500))"
        let parameters = [
            ("SmsMessageSid", sid), ("NumMedia", "0"), ("ProfileName", "Customer"), ("MessageType", "text"),
            ("WaId", String(phone.dropFirst())), ("Body", "مرحبا، where is my refund? 🙏 #\(index)"), ("To", "whatsapp:+14155238886"),
            ("MessageSid", sid), ("AccountSid", "AC0123456789abcdef0123456789abcdef"), ("From", "whatsapp:" + phone),
            ("ApiVersion", "2010-04-01"),
        ]
        return signedRequest(base: base, path: path, parameters: parameters, authToken: token)
    }

    /// A form POST of `parameters` to `base + path`, signed as Twilio signs its call to `publicURL + path`.
    static func signedRequest(base: String, path: String, parameters: [(String, String)], authToken: String) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: base + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(
            name: "X-Twilio-Signature",
            value: TwilioSignature.expected(url: publicURL + path, parameters: parameters, authToken: authToken))
        request.body = .bytes(ByteBuffer(string: formEncode(parameters)))
        return request
    }

    static func send(_ client: HTTPClient, _ request: HTTPClientRequest) async throws {
        let response = try await client.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 16)
        guard response.status == .ok else { throw BenchmarkFailure(status: response.status.code) }
    }

    /// Requests per second with `concurrency` requests always in flight, for `duration` seconds.
    static func throughput(client: HTTPClient, base: String, webhook: Bool, sequence: Sequence, duration: Double) async throws -> Double {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int64(duration * 1000)))
        let start = clock.now
        let completed = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    var count = 0
                    while clock.now < deadline {
                        try await send(client, makeRequest(base: base, webhook: webhook, sequence: sequence))
                        count += 1
                    }
                    return count
                }
            }
            return try await group.reduce(0, +)
        }
        return Double(completed) / seconds(start.duration(to: clock.now))
    }

    /// p50 and p99 in milliseconds at `rate` requests per second, open loop.
    static func latency(client: HTTPClient, base: String, webhook: Bool, sequence: Sequence, rate: Double, count: Int) async throws -> (Double, Double) {
        let clock = ContinuousClock()
        let start = clock.now.advanced(by: .milliseconds(20))
        let samples = try await withThrowingTaskGroup(of: Double.self) { group in
            for index in 0..<count {
                let scheduled = start.advanced(by: .nanoseconds(Int64(Double(index) / rate * 1e9)))
                try await Task.sleep(until: scheduled, clock: clock)
                let request = makeRequest(base: base, webhook: webhook, sequence: sequence)
                group.addTask {
                    try await send(client, request)
                    return seconds(scheduled.duration(to: clock.now)) * 1000
                }
            }
            return try await group.reduce(into: [Double]()) { $0.append($1) }.sorted()
        }
        func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
        return (percentile(0.50), percentile(0.99))
    }

    static func measure(client: HTTPClient, base: String) async throws -> [BenchmarkRow] {
        let sequence = Sequence()
        // Warm up both routes (connections, the database's first pages).
        _ = try await throughput(client: client, base: base, webhook: false, sequence: sequence, duration: 0.3)
        _ = try await throughput(client: client, base: base, webhook: true, sequence: sequence, duration: 0.3)
        let hello = try await throughput(client: client, base: base, webhook: false, sequence: sequence, duration: 2)
        let webhooks = try await throughput(client: client, base: base, webhook: true, sequence: sequence, duration: 2)
        // Half the webhook's saturation rate: a busy but healthy server.
        let rate = max(10, webhooks / 2)
        let count = max(100, Int(rate * 2))
        let helloLatency = try await latency(client: client, base: base, webhook: false, sequence: sequence, rate: rate, count: count)
        let webhookLatency = try await latency(client: client, base: base, webhook: true, sequence: sequence, rate: rate, count: count)
        let rateText = String(format: "%.0f/s", rate)
        return [
            BenchmarkRow(name: "signed webhooks, durable commit (\(concurrency) in flight)", unit: "req/s", value: webhooks,
                         baselineName: "hello-world route", baseline: hello, higherIsBetter: true),
            BenchmarkRow(name: "webhook p50 at \(rateText)", unit: "ms", value: webhookLatency.0,
                         baselineName: "hello-world p50", baseline: helloLatency.0, higherIsBetter: false),
            BenchmarkRow(name: "webhook p99 at \(rateText)", unit: "ms", value: webhookLatency.1,
                         baselineName: "hello-world p99", baseline: helloLatency.1, higherIsBetter: false),
        ]
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func formEncode(_ pairs: [(String, String)]) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._*")
        return pairs.map { name, value in
            [name, value].map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0 }.joined(separator: "=")
        }.joined(separator: "&")
    }

    struct BenchmarkFailure: Error {
        var status: UInt
    }
}
