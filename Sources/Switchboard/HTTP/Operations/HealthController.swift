import Foundation
import GRDB
import Hummingbird
import Logging
import Store

/// `GET /healthz` and `GET /metrics`: what an operator or a load balancer polls.
///
/// Health proves the database can take a write right now (an immediate transaction, rolled back), not
/// just that the process is up: a read-only mount, a full disk or a lock held past the busy timeout all
/// make it answer 503, the same answer a webhook would get, so monitoring sees what providers see.
struct HealthController: Sendable {
    let services: WebhookServices
    let logger: Logger

    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/healthz") { _, _ in await health() }
        router.get("/metrics") { _, _ in metrics() }
    }

    func health() async -> Response {
        let irc = await services.ircState()
        var status = HTTPResponse.Status.ok
        var db = "ok"
        do {
            // A connection opened read-only takes the immediate transaction of `checkWritable` happily
            // (SQLite only refuses the first write), so it is ruled out by its configuration first.
            guard !services.database.reader.configuration.readonly else { throw ReadOnlyConnection() }
            try await services.database.checkWritable()
        } catch {
            status = .serviceUnavailable
            db = StoreError.isTemporary(error) ? "unavailable" : "unwritable"
            logger.warning("health check: the database cannot take a write", metadata: ["temporary": "\(StoreError.isTemporary(error))"])
        }
        let body: [String: String] = ["status": status == .ok ? "ok" : "unavailable", "irc": irc, "db": db]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(body)) ?? Data()
        var headers: HTTPFields = [.contentType: "application/json", .cacheControl: "no-store"]
        if status != .ok { headers[.retryAfter] = "5" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    func metrics() -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: services.metrics.exposition())))
    }
}

/// The database was opened read-only: every write will fail with SQLITE_READONLY.
private struct ReadOnlyConnection: Error {}

