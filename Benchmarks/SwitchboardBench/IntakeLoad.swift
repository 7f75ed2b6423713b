import AsyncHTTPClient
import Desk
import Foundation
import NIOCore
import NIOHTTP1

/// Load for `serve`'s intake: requests built (and signed) before the clock starts, so the figures
/// measure the server, not the load generator's form encoding and HMAC.
struct IntakeLoad: Sendable {
    let serve: ServeProcess
    /// Distinguishes this load's MessageSids and phone numbers from another load's on the same database.
    let prefix: String
    let texts: [String]
    private let sequence = WebhookBenchmark.Sequence()

    init(serve: ServeProcess, prefix: String) throws {
        self.serve = serve
        self.prefix = prefix
        texts = try ServeFootprintBenchmark.ordinaryTexts()
    }

    var base: String { "http://127.0.0.1:\(serve.httpPort)" }

    /// `count` inbound WhatsApp messages, each from a customer never seen before (a new ticket each).
    func webhooks(count: Int) -> [HTTPClientRequest] {
        (0..<count).map { _ in
            let index = sequence.take()
            let sid = "SM" + prefix + String(format: "%030d", index)
            let phone = "+97155" + String(format: "%07d", index)
            return WebhookBenchmark.signedRequest(
                base: base, path: "/webhooks/twilio",
                parameters: [("MessageSid", sid), ("SmsMessageSid", sid), ("AccountSid", ServeProcess.accountSID),
                             ("From", "whatsapp:" + phone), ("To", "whatsapp:+14155238886"),
                             ("Body", "\(texts[index % texts.count]) #\(10_000 + index % 90_000)"), ("NumMedia", "0"),
                             ("ProfileName", "Customer \(index)"), ("WaId", String(phone.dropFirst()))],
                authToken: ServeProcess.token)
        }
    }

    /// `count` requests for a path the server does not have: the same HTTP work, answered 404.
    func notFound(count: Int) -> [HTTPClientRequest] {
        Array(repeating: HTTPClientRequest(url: base + "/bench-not-found"), count: count)
    }

    static func send(_ client: HTTPClient, _ request: HTTPClientRequest) async throws {
        let response = try await client.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 16)
        guard response.status == .ok || response.status == .notFound else {
            throw WebhookBenchmark.BenchmarkFailure(status: response.status.code)
        }
    }

    /// Requests per second with `concurrency` always in flight until every request is answered.
    func throughput(client: HTTPClient, requests: [HTTPClientRequest], concurrency: Int) async throws -> Double {
        let next = WebhookBenchmark.Sequence()
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    while true {
                        let index = next.take()
                        guard index < requests.count else { return }
                        try await Self.send(client, requests[index])
                    }
                }
            }
            try await group.waitForAll()
        }
        return Double(requests.count) / started.duration(to: .now).timeInterval
    }

    /// p50 and p99 in milliseconds, sending at `rate` per second whatever the answers do (open loop).
    func latency(client: HTTPClient, requests: [HTTPClientRequest], rate: Double) async throws -> (p50: Double, p99: Double) {
        let clock = ContinuousClock()
        let start = clock.now.advanced(by: .milliseconds(20))
        var samples = try await withThrowingTaskGroup(of: Double.self) { group in
            for (index, request) in requests.enumerated() {
                let scheduled = start.advanced(by: .nanoseconds(Int64(Double(index) / rate * 1e9)))
                try await Task.sleep(until: scheduled, clock: clock)
                group.addTask {
                    try await Self.send(client, request)
                    return milliseconds(scheduled.duration(to: clock.now))
                }
            }
            return try await group.reduce(into: [Double]()) { $0.append($1) }
        }
        samples.sort()
        return (Percentile.nearestRank(50, sorted: samples) ?? .nan, Percentile.nearestRank(99, sorted: samples) ?? .nan)
    }
}
