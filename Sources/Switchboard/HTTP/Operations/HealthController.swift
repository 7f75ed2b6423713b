import Foundation
import Hummingbird

/// `GET /healthz` and `GET /metrics`: what an operator or a load balancer polls.
///
/// Health proves the database can take a write right now (a committed no-op write), not just that the
/// process is up: a read-only mount, a full disk or a lock held past the busy timeout all make it answer
/// 503, the same answer a webhook would get, so monitoring sees what providers see. The write runs at
/// most once a second, shared by every caller (``HealthProbe``).
struct HealthController: Sendable {
    let services: WebhookServices

    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/healthz") { _, _ in await health() }
        router.get("/metrics") { _, _ in metrics() }
    }

    func health() async -> Response {
        let irc = await services.ircState()
        let status: HTTPResponse.Status
        let db: String
        switch await services.health.outcome() {
        case .writable: (status, db) = (.ok, "ok")
        case .unwritable(let temporary): (status, db) = (.serviceUnavailable, temporary ? "unavailable" : "unwritable")
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

