import Desk
import GRDB
import Hummingbird
import Logging
import Store
import WhatsApp

/// What every webhook endpoint does around its own checks: counts the request, turns a refusal into its
/// status code, commits through the intake pipeline, applies delivery statuses, and logs.
///
/// Logs name the endpoint, path, outcome and provider id. They never carry a signature, a secret, a
/// query string (Meta's verification puts its token there) or a body.
struct WebhookIntake: Sendable {
    let services: WebhookServices
    let logger: Logger
    /// The configured business numbers. Every WhatsApp message and status passes ``admits(_:on:)``
    /// here, the one place that decides whether it is ours.
    var numbers = BusinessNumbers()

    /// Runs one request's checks and answers with `work`'s response, or with the refusal it threw.
    /// Any other error can only come from the commit step, so it is a 503 too: nothing was acknowledged.
    func answer(_ endpoint: WebhookMetrics.Endpoint, _ request: Request, _ work: () async throws -> Response) async -> Response {
        services.metrics.didReceive(endpoint)
        do {
            return try await work()
        } catch {
            let refusal = error as? WebhookRefusal ?? .storageUnavailable(error)
            if let reason = refusal.rejection { services.metrics.didReject(endpoint, reason) }
            log(refusal, endpoint: endpoint, path: request.uri.path)
            return refusal.response
        }
    }

    /// Triage, commit and hand to the desk. Returns once the message is durable (or a known duplicate),
    /// or nil without storing anything when a WhatsApp message was written to a number that is not ours.
    @discardableResult
    func ingest(_ message: InboundMessage, from endpoint: WebhookMetrics.Endpoint) async throws(WebhookRefusal) -> IngestOutcome? {
        guard admits(message.businessNumber, on: endpoint) else { return nil }
        let clock = ContinuousClock()
        let start = clock.now
        let outcome: IngestOutcome
        do {
            outcome = try await services.intake.accept(message)
        } catch {
            throw .storageUnavailable(error)
        }
        services.metrics.didIngest(in: start.duration(to: clock.now))
        switch outcome {
        case .stored(let receipt):
            services.metrics.didStore()
            logger.debug("stored", metadata: [
                "endpoint": "\(endpoint.rawValue)", "provider_id": "\(message.providerID)",
                "ticket": "\(receipt.ticketID)", "message": "\(receipt.messageID)",
            ])
        case .duplicate(let ticketID):
            services.metrics.didSkipDuplicate(endpoint)
            logger.info("duplicate delivery, already stored", metadata: [
                "endpoint": "\(endpoint.rawValue)", "provider_id": "\(message.providerID)", "ticket": "\(ticketID)",
            ])
        }
        return outcome
    }

    /// Applies a provider's delivery report to the outbound message it names. A report about a message
    /// we do not know (sent before a restore, or by another system on the same number) is logged and
    /// acknowledged: retrying it would never help.
    ///
    /// - Parameter number: the business number the status is about (Twilio's `From`, Meta's
    ///   `phone_number_id`); a status for a number that is not ours is ignored like a foreign message.
    func applyStatus(providerID: String, status: WhatsApp.DeliveryStatus, errorCode: Int?, number: String?,
                     from endpoint: WebhookMetrics.Endpoint) async throws(WebhookRefusal) {
        guard admits(number, on: endpoint) else { return }
        services.metrics.didApplyStatus()
        guard let mapped = Desk.DeliveryStatus(rawValue: status.rawValue), status != .unknown else {
            logger.debug("status without meaning for outbound messages", metadata: ["provider_id": "\(providerID)"])
            return
        }
        let update: DeliveryUpdate?
        do {
            update = try await services.database.updateDeliveryStatus(
                channel: .whatsapp, providerID: providerID, status: mapped, errorCode: errorCode.map(String.init))
        } catch {
            throw .storageUnavailable(error)
        }
        guard let update else {
            logger.notice("delivery status for an unknown message", metadata: ["provider_id": "\(providerID)", "status": "\(mapped.rawValue)"])
            return
        }
        if update.changed {
            await services.intake.listener.didUpdateDelivery(update.message)
        }
    }

    /// Whether a message or status for `number` is this desk's. Email has no number. A WhatsApp item for
    /// another number on the same account (or with none) is answered 200 like any other, so the
    /// provider does not retry it, but nothing is stored; it is counted and logged.
    func admits(_ number: String?, on endpoint: WebhookMetrics.Endpoint) -> Bool {
        let provider: WhatsAppProvider
        switch endpoint {
        case .email: return true
        case .twilio, .twilioStatus: provider = .twilio
        case .meta: provider = .meta
        }
        let ours = provider == .twilio ? numbers.owns(twilio: number) : numbers.owns(meta: number)
        if !ours {
            services.metrics.didIgnoreForeignNumber(provider)
            logger.notice("webhook item for a number that is not configured here; ignored", metadata: [
                "endpoint": "\(endpoint.rawValue)", "number": "\(number ?? "none")",
            ])
        }
        return ours
    }

    private func log(_ refusal: WebhookRefusal, endpoint: WebhookMetrics.Endpoint, path: String) {
        var metadata: Logger.Metadata = ["endpoint": "\(endpoint.rawValue)", "path": "\(path)", "status": "\(refusal.status.code)"]
        switch refusal {
        case .notConfigured:
            logger.debug("webhook for a provider that is not configured", metadata: metadata)
        case .tooLarge:
            logger.notice("webhook refused: body over the limit", metadata: metadata)
        case .badSignature:
            logger.warning("webhook refused: bad or missing signature (check the secret and http.public_url)", metadata: metadata)
        case .unauthorized:
            logger.warning("webhook refused: missing or wrong bearer token (check email.inbound_token)", metadata: metadata)
        case .malformed(let reason):
            metadata["reason"] = "\(reason)"
            logger.notice("webhook refused: malformed", metadata: metadata)
        case .storageUnavailable(let error):
            metadata["error"] = "\(Self.describe(error))"
            metadata["temporary"] = "\(StoreError.isTemporary(error))"
            logger.error("webhook not committed; answered 503 so the provider retries", metadata: metadata)
        }
    }

    /// SQLite's result code and message without the SQL or its arguments, which may hold customer text.
    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "SQLite error \(error.resultCode.rawValue): \(error.message ?? "no message")"
        }
        return String(describing: type(of: error)) + ": " + String(describing: error).prefix(200)
    }
}
