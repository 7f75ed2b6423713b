import Desk
import HTTPTypes
import Hummingbird
import Logging
import WhatsApp

/// `POST /webhooks/twilio` (inbound messages) and `POST /webhooks/twilio/status` (delivery reports).
///
/// Checks run in DESIGN.md's order: body limit (413), `X-Twilio-Signature` over `http.public_url` + the
/// request's path and query and every POST parameter (403), decoding (400), commit, then 200. A message
/// is acknowledged only after `IntakePipeline.accept` returned, so a 200 always means "committed".
struct TwilioWebhookController: Sendable {
    let settings: WebhookServerSettings
    let intake: WebhookIntake

    /// Twilio's "nothing to say": an empty TwiML document.
    static let emptyTwiML = #"<?xml version="1.0" encoding="UTF-8"?><Response/>"#

    func addRoutes(to router: Router<some RequestContext>) {
        router.post("/webhooks/twilio") { request, _ in await inbound(request) }
        router.post("/webhooks/twilio/status") { request, _ in await status(request) }
    }

    func inbound(_ request: Request) async -> Response {
        guard let twilio = settings.twilio else { return WebhookRefusal.notConfigured.response }
        return await intake.answer(.twilio, request) {
            let parameters = try await verifiedParameters(request, authToken: twilio.authToken)
            let message: TwilioInboundMessage
            do {
                message = try TwilioInboundMessage(parameters: parameters)
            } catch {
                throw WebhookRefusal.malformed("\(error)")
            }
            try await intake.ingest(InboundMessage(twilio: message), from: .twilio)
            return Response(
                status: .ok, headers: [.contentType: "text/xml"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: Self.emptyTwiML)))
        }
    }

    func status(_ request: Request) async -> Response {
        guard let twilio = settings.twilio else { return WebhookRefusal.notConfigured.response }
        return await intake.answer(.twilioStatus, request) {
            let parameters = try await verifiedParameters(request, authToken: twilio.authToken)
            let callback: TwilioStatusCallback
            do {
                callback = try TwilioStatusCallback(parameters: parameters)
            } catch {
                throw WebhookRefusal.malformed("\(error)")
            }
            try await intake.applyStatus(providerID: callback.messageSid, status: callback.deliveryStatus, errorCode: callback.errorCode,
                                         number: callback.from, from: .twilioStatus)
            return Response(status: .ok)
        }
    }

    /// The size check, then the signature check; returns the form parameters only when Twilio signed them.
    ///
    /// A body the strict decoder refuses is checked against a lenient decoding (what a web framework would
    /// have handed Twilio's validator), so a signed but broken body is a 400 and an unsigned one a 403.
    private func verifiedParameters(_ request: Request, authToken: String) async throws -> [(String, String)] {
        let body = try await WebhookBody.collect(request, limit: settings.webhookBodyLimit)
        let decoded = Result { () throws(WhatsAppDecodingError) in try FormURLEncoded.decode(body).map { ($0.name, $0.value) } }
        guard let algorithm = TwilioSignature.Algorithm(settingsHeader: request.headers[Self.settingsHeader]) else {
            throw WebhookRefusal.badSignature
        }
        let signed = (try? decoded.get()) ?? LenientFormDecoder.decode(body)
        guard TwilioSignature.isValid(
            signature: request.headers[Self.signatureHeader], url: signedURL(request),
            parameters: signed, authToken: authToken, algorithm: algorithm)
        else { throw WebhookRefusal.badSignature }
        switch decoded {
        case .success(let parameters): return parameters
        case .failure(let error): throw WebhookRefusal.malformed("\(error)")
        }
    }

    /// `http.public_url` + the path and query exactly as requested (Twilio signs the URL it called).
    private func signedURL(_ request: Request) -> String {
        settings.publicURL + (request.head.path ?? request.uri.string)
    }

    private static let signatureHeader = HTTPField.Name(TwilioSignature.headerName)!
    private static let settingsHeader = HTTPField.Name(TwilioSignature.settingsHeaderName)!
}
