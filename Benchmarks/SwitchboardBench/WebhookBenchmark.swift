import AsyncHTTPClient
import Desk
import Foundation
import GRDB
import NIOCore
import NIOHTTP1
import Synchronization
import TestSupport
import WhatsApp

/// Durable intake through the release `switchboard serve` itself: unique, correctly signed Twilio
/// webhooks from distinct customers, each answered 200 only once committed (group commit, WAL,
/// `synchronous = FULL`) and, in that same commit, triaged, threaded, routed and timed; the desk posts
/// the cards to the project's InspIRCd + Atheme network meanwhile.
///
/// Baselines in the same run: the same server's 404 route with the same client and connections (what
/// HTTP alone costs here), and one fsync'd SQLite transaction at a time on the same disk (what a path
/// that commits each message on its own could reach at best). Latency is open loop at a fixed rate,
/// counted from each request's scheduled send time, so a stall is not hidden by the client waiting.
enum WebhookBenchmark {
    static let publicURL = "https://support.example.test"
    static let concurrency = 64
    static let latencyRate = 1_000.0

    static func run() async throws -> [BenchmarkRow] {
        try await ServeProcess.withNetwork("webhook") { net, folder in
            let floor = try fsyncFloor(folder: folder)
            let serve = try ServeProcess.launch(folder: folder, net: net, httpPort: try FreePort.pick())
            defer { serve.stop() }
            _ = try await serve.waitUntilIRCConnected()
            let load = try IntakeLoad(serve: serve, prefix: "wh")
            var configuration = HTTPClient.Configuration()
            configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = concurrency
            return try await HTTPClient.withHTTPClient(configuration: configuration) { client in
                // Warm up both routes: connections, the database's first pages, the model.
                _ = try await load.throughput(client: client, requests: load.notFound(count: 2_000), concurrency: concurrency)
                _ = try await load.throughput(client: client, requests: load.webhooks(count: 2_000), concurrency: concurrency)
                let notFound = try await load.throughput(client: client, requests: load.notFound(count: 30_000), concurrency: concurrency)
                let stored = try await load.throughput(client: client, requests: load.webhooks(count: 30_000), concurrency: concurrency)
                FileHandle.standardError.write(Data(String(format: "  webhook: %.0f stored/s, 404 route %.0f/s, fsync floor %.0f/s\n",
                                                           stored, notFound, floor).utf8))
                // The target rate, or four fifths of what the server sustains if that is less: above its
                // capacity an open loop measures only the queue it builds.
                let latencyRate = min(Self.latencyRate, (stored * 0.8).rounded())
                let count = Int(latencyRate * 3)
                let notFoundLatency = try await load.latency(client: client, requests: load.notFound(count: count), rate: latencyRate)
                let webhookLatency = try await load.latency(client: client, requests: load.webhooks(count: count), rate: latencyRate)
                let name = "signed webhooks durably stored, new tickets (\(concurrency) in flight)"
                let rate = String(format: "%.0f/s", latencyRate)
                return [
                    BenchmarkRow(name: name, unit: "msg/s", value: stored, baselineName: "serve's 404 route", baseline: notFound,
                                 higherIsBetter: true),
                    BenchmarkRow(name: name, unit: "msg/s", value: stored, baselineName: "one fsync'd transaction at a time",
                                 baseline: floor, higherIsBetter: true),
                    BenchmarkRow(name: "webhook p50 at \(rate)", unit: "ms", value: webhookLatency.p50, baselineName: "404 route p50",
                                 baseline: notFoundLatency.p50, higherIsBetter: false),
                    BenchmarkRow(name: "webhook p99 at \(rate)", unit: "ms", value: webhookLatency.p99, baselineName: "404 route p99",
                                 baseline: notFoundLatency.p99, higherIsBetter: false),
                ]
            }
        }
    }

    /// Transactions per second, one after another, each inserting one row and fsyncing the WAL: the
    /// SQLite settings `serve` uses, on the same file system, for two seconds.
    static func fsyncFloor(folder: URL) throws -> Double {
        let pool = try DatabasePool(path: folder.appendingPathComponent("floor.sqlite").path)
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
        }
        let started = ContinuousClock.now
        var count = 0
        while started.duration(to: .now) < .seconds(2) {
            try pool.write { db in try db.execute(sql: "INSERT INTO t (body) VALUES (?)", arguments: ["message \(count)"]) }
            count += 1
        }
        return Double(count) / started.duration(to: .now).timeInterval
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

    static func formEncode(_ pairs: [(String, String)]) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._*")
        return pairs.map { name, value in
            [name, value].map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0 }.joined(separator: "=")
        }.joined(separator: "&")
    }

    /// Counts requests so every webhook carries a new MessageSid (a real insert, never a duplicate).
    final class Sequence: Sendable {
        private let next = Mutex(0)
        func take() -> Int { next.withLock { value in defer { value += 1 }; return value } }
    }

    struct BenchmarkFailure: Error {
        var status: UInt
    }
}
