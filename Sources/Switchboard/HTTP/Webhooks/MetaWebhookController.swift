import Desk
import HTTPTypes
import Hummingbird
import Logging
import WhatsApp

/// `GET /webhooks/meta` (the subscription handshake) and `POST /webhooks/meta` (notifications).
///
/// A notification is checked on its raw bytes (`X-Hub-Signature-256`) before any JSON parsing, then every
/// message of every entry and change is committed, oldest first by Meta's own timestamp, and every status
/// is applied. Only then is it answered 200 with an empty body. If one commit fails the whole POST is a
/// 503: Meta resends the batch, and the messages already stored come back as duplicates.
struct MetaWebhookController: Sendable {
    let settings: WebhookServerSettings
    let intake: WebhookIntake

    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/webhooks/meta") { request, _ in verify(request) }
        router.post("/webhooks/meta") { request, _ in await notification(request) }
    }

    /// Echoes `hub.challenge` as plain text when `hub.verify_token` matches; 403 otherwise.
    func verify(_ request: Request) -> Response {
        guard let meta = settings.meta else { return WebhookRefusal.notConfigured.response }
        guard let challenge = MetaVerification.challenge(query: request.uri.query ?? "", verifyToken: meta.verifyToken) else {
            intake.logger.warning("Meta verification refused: wrong or missing hub.verify_token")
            return WebhookRefusal.badSignature.response
        }
        intake.logger.info("Meta webhook subscription verified")
        return Response(
            status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .xContentTypeOptions: "nosniff"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: challenge)))
    }

    func notification(_ request: Request) async -> Response {
        guard let meta = settings.meta else { return WebhookRefusal.notConfigured.response }
        return await intake.answer(.meta, request) {
            let body = try await WebhookBody.collect(request, limit: settings.webhookBodyLimit)
            guard MetaSignature.isValid(header: request.headers[Self.signatureHeader], body: body, appSecret: meta.appSecret) else {
                throw WebhookRefusal.badSignature
            }
            let payload: MetaWebhookPayload
            do {
                payload = try MetaWebhookPayload(json: body)
            } catch {
                throw WebhookRefusal.malformed("\(error)")
            }
            for problem in payload.problems {
                intake.logger.warning("Meta notification item skipped", metadata: ["problem": "\(problem)"])
            }
            if !payload.ignoredFields.isEmpty {
                intake.logger.info("Meta notification fields not handled", metadata: ["fields": "\(payload.ignoredFields.joined(separator: ","))"])
            }
            for message in payload.messages {
                try await intake.ingest(InboundMessage(meta: message), from: .meta)
            }
            for status in payload.statuses {
                try await intake.applyStatus(providerID: status.messageID, status: status.deliveryStatus, errorCode: status.errors.first?.code,
                                             number: status.businessPhoneNumberID, from: .meta)
            }
            return Response(status: .ok)
        }
    }

    private static let signatureHeader = HTTPField.Name(MetaSignature.headerName)!
}
