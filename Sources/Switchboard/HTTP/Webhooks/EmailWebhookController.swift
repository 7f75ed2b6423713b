import Crypto
import Desk
import Foundation
import HTTPTypes
import Hummingbird
import Mail

/// `POST /webhooks/email`: one raw RFC 5322 message (`message/rfc822`) with `Authorization: Bearer`.
///
/// Checks run in DESIGN.md's order: body limit (413, `http.email_body_limit`, 25 MiB), the bearer token
/// (401), parsing (400 only for something that is not a message at all; broken MIME is parsed as well as
/// it can be), commit, then 200 — for a new message and for a duplicate Message-ID alike.
///
/// The token is in the headers, so it is checked before a byte of the body is read: only a declared
/// `Content-Length` over the limit is refused earlier (also without reading). Anyone could otherwise make
/// the server buffer 25 MiB per request just by knowing the URL.
struct EmailWebhookController: Sendable {
    let settings: WebhookServerSettings
    let intake: WebhookIntake

    func addRoutes(to router: Router<some RequestContext>) {
        router.post("/webhooks/email") { request, _ in await inbound(request) }
    }

    func inbound(_ request: Request) async -> Response {
        guard let token = settings.emailToken, !token.isEmpty else { return WebhookRefusal.notConfigured.response }
        return await intake.answer(.email, request) {
            try WebhookBody.refuseDeclaredOversize(request, limit: settings.emailBodyLimit)
            guard Self.isAuthorized(request.headers[.authorization], token: token) else { throw WebhookRefusal.unauthorized }
            let raw = try await WebhookBody.collect(request, limit: settings.emailBodyLimit)
            let email: ParsedEmail
            do {
                email = try EmailParser.parse(raw)
            } catch {
                throw WebhookRefusal.malformed("not an email message (no header section)")
            }
            guard let message = EmailIntake.inboundMessage(from: email, raw: raw) else {
                throw WebhookRefusal.malformed("the message has no usable From address")
            }
            try await intake.ingest(message, from: .email)
            return Response(status: .ok)
        }
    }

    /// Compares digests, so the time taken says nothing about how much of the token matched.
    static func isAuthorized(_ header: String?, token: String) -> Bool {
        guard let header, header.lowercased().hasPrefix("bearer ") else { return false }
        let offered = SHA256.hash(data: Data(header.dropFirst(7).trimmingCharacters(in: .whitespaces).utf8))
        let expected = SHA256.hash(data: Data(token.utf8))
        return offered == expected
    }
}
