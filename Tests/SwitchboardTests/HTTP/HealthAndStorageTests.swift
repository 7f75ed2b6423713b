import Desk
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
import Synchronization
import Testing
import TestSupport
@testable import Switchboard

/// `/healthz`, `/metrics`, and what webhooks answer when the database cannot take a write.
@Suite("Health, metrics and storage failures")
struct HealthAndStorageTests {
    static let path = "/webhooks/twilio"

    static func temporaryDatabasePath() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-http-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("switchboard.sqlite").path
    }

    /// Another connection (think `ingest-email` next to `serve`) holding the write lock until released.
    final class LockHolder: Sendable {
        private let locked = DispatchSemaphore(value: 0)
        private let unlock = DispatchSemaphore(value: 0)
        private let done = DispatchSemaphore(value: 0)

        init(path: String) throws {
            let queue = try DatabaseQueue(path: path)
            DispatchQueue.global().async { [locked, unlock, done] in
                try? queue.inTransaction(.immediate) { _ in
                    locked.signal()
                    unlock.wait()
                    return .rollback
                }
                done.signal()
            }
            locked.wait()
        }

        func release() {
            unlock.signal()
            done.wait()
        }
    }

    struct Health: Decodable, Equatable {
        var status: String
        var irc: String
        var db: String
    }

    static func signed(_ sid: String, body: String = "refund please") -> ([(String, String)], String) {
        let params = WebhookHarness.twilioInbound(sid: sid, body: body)
        return (params, WebhookHarness.swiftSignature(path: path, params: params))
    }

    @Test("healthz reports the IRC state and a writable database")
    func healthy() async throws {
        var harness = try WebhookHarness(database: AppDatabase.open(path: Self.temporaryDatabasePath()))
        harness.ircState = { "connecting" }
        try await harness.withServer { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(try JSONDecoder().decode(Health.self, from: Data(response.text.utf8)) == Health(status: "ok", irc: "connecting", db: "ok"))
        }
    }

    /// Counts the transactions committed on one connection: the writes `/healthz` really costs.
    final class CommitCounter: TransactionObserver, Sendable {
        private let commits = Mutex(0)
        var count: Int { commits.withLock { $0 } }
        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
        func databaseDidChange(with event: DatabaseEvent) {}
        func databaseDidCommit(_ db: Database) { commits.withLock { $0 += 1 } }
        func databaseDidRollback(_ db: Database) {}
    }

    @Test("200 concurrent /healthz calls cost a write or two, not 200; an unwritable database still shows within about a second")
    func healthWritesThrottled() async throws {
        let queue = try DatabaseQueue(configuration: AppDatabase.makeConfiguration())
        let database = try AppDatabase(queue)
        let commits = CommitCounter()
        try await queue.write { db in db.add(transactionObserver: commits, extent: .databaseLifetime) }
        let before = commits.count
        let harness = try WebhookHarness(database: database)
        try await harness.withServer { client in
            let started = ContinuousClock.now
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<200 { group.addTask { try await client.execute(uri: "/healthz", method: .get).status } }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            let elapsed = started.duration(to: .now)
            #expect(statuses.count == 200 && statuses.allSatisfy { $0 == .ok })
            // One check per second at most: a couple on an idle machine, one more per second the burst lasted.
            let allowed = 1 + Int(elapsed.components.seconds) + 1
            let writes = commits.count - before
            #expect(writes >= 1 && writes <= allowed, "\(writes) writes for 200 requests in \(elapsed)")
            #expect(harness.metric("switchboard_health_write_checks_total") == Double(writes))

            // The connection is serial, so once this returns no check is running: every request that starts
            // more than a second later must check afresh and see the read-only database. Measured on the
            // requests' start times, since on a busy machine one request may take seconds to answer.
            try await queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = 1") }
            let broke = ContinuousClock.now
            try await eventually("/healthz to report the read-only database", timeout: .seconds(10), every: .milliseconds(50)) {
                let started = ContinuousClock.now
                let status = try await client.execute(uri: "/healthz", method: .get).status
                if status == .ok {
                    #expect(broke.duration(to: started) < .milliseconds(1200), "a cached answer older than a second")
                }
                return status == .serviceUnavailable
            }
            try await queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = 0") }
            try await eventually("/healthz to recover", timeout: .seconds(5), every: .milliseconds(50)) {
                try await client.execute(uri: "/healthz", method: .get).status == .ok
            }
        }
    }

    @Test("a database locked past its busy timeout: webhooks and healthz answer 503, and a retry after the lock succeeds once")
    func lockedDatabaseIs503() async throws {
        let path = try Self.temporaryDatabasePath()
        let harness = try WebhookHarness(database: AppDatabase.open(path: path, busyTimeout: 0.2))
        let holder = try LockHolder(path: path)
        let (params, signature) = Self.signed("SMlock000000000000000000000000001")
        try await harness.withServer { client in
            let refused = try await WebhookHarness.postTwilio(client, Self.path, params: params, signature: signature)
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.headers[.retryAfter] != nil)
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .serviceUnavailable)
            #expect(try JSONDecoder().decode(Health.self, from: Data(health.text.utf8)).db != "ok")

            holder.release()
            let retried = try await WebhookHarness.postTwilio(client, Self.path, params: params, signature: signature)
            #expect(retried.status == .ok)
            // /healthz may repeat its last answer for up to a second (it checks at most once a second).
            try await eventually("/healthz to recover", timeout: .seconds(5), every: .milliseconds(50)) {
                try await client.execute(uri: "/healthz", method: .get).status == .ok
            }
        }
        #expect(try harness.stored().map(\.providerID) == ["SMlock000000000000000000000000001"])
        #expect(harness.listener.recorded.count == 1)
        #expect(harness.metric(#"switchboard_webhooks_rejected_total{endpoint="twilio",reason="storage"}"#) == 1)
    }

    @Test("a read-only database: webhooks and healthz answer 503, never 500")
    func readOnlyDatabaseIs503() async throws {
        let path = try Self.temporaryDatabasePath()
        _ = try AppDatabase.open(path: path)
        let harness = try WebhookHarness(database: AppDatabase.openReadOnly(path: path))
        let (params, signature) = Self.signed("SMro00000000000000000000000000001")
        let meta = #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"1234"},"messages":[{"from":"971501234567","id":"wamid.RO","timestamp":"1764000000","type":"text","text":{"body":"hi"}}]}}]}]}"#
        try await harness.withServer { client in
            expectStatus(try await WebhookHarness.postTwilio(client, Self.path, params: params, signature: signature), .serviceUnavailable)
            expectStatus(try await WebhookHarness.postMeta(client, json: meta), .serviceUnavailable)
            expectStatus(try await client.execute(uri: "/healthz", method: .get), .serviceUnavailable)
        }
        #expect(try harness.stored().isEmpty)
    }

    @Test("a full database answers 503 and leaves no partial message; once there is room the retry is stored")
    func fullDatabaseIs503() async throws {
        let queue = try DatabaseQueue(configuration: AppDatabase.makeConfiguration())
        let database = try AppDatabase(queue)
        let pages = try await queue.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try await queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        let harness = try WebhookHarness(database: database)
        let (params, signature) = Self.signed("SMfull00000000000000000000000001", body: String(repeating: "استرداد ", count: 4000))
        try await harness.withServer { client in
            expectStatus(try await WebhookHarness.postTwilio(client, Self.path, params: params, signature: signature), .serviceUnavailable)
            let partial = try await queue.read { db in
                try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM messages) + (SELECT COUNT(*) FROM tickets) + (SELECT COUNT(*) FROM customers)")
            }
            #expect(partial == 0, "the failed transaction left no customer, ticket or message behind")
            try await queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 1000000") }
            expectStatus(try await WebhookHarness.postTwilio(client, Self.path, params: params, signature: signature), .ok)
        }
        #expect(try harness.stored().count == 1)
    }

    @Test("metrics: counters by endpoint and reason, and the ingest latency histogram, in Prometheus text")
    func metricsExposition() async throws {
        let harness = try WebhookHarness()
        let (params, signature) = Self.signed("SMmetrics000000000000000000000001")
        try await harness.withServer { client in
            _ = try await WebhookHarness.postTwilio(client, Self.path, params: params, signature: signature)
            _ = try await WebhookHarness.postTwilio(client, Self.path, params: params, signature: signature)
            _ = try await WebhookHarness.postTwilio(client, Self.path, params: params, signature: "nope")
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            let text = response.text
            #expect(text.contains(#"switchboard_webhooks_received_total{endpoint="twilio"} 3"#))
            #expect(text.contains(#"switchboard_webhooks_duplicate_total{endpoint="twilio"} 1"#))
            #expect(text.contains(#"switchboard_webhooks_rejected_total{endpoint="twilio",reason="signature"} 1"#))
            #expect(text.contains("switchboard_ingest_duration_seconds_count 2"))
            #expect(text.contains("# TYPE switchboard_ingest_duration_seconds histogram"))
        }
    }
}
