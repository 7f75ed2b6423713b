import Desk
import WhatsApp

/// Delivers one outbox row to its provider and says what happened, honouring the exactly-once rule:
/// only a failure that certainly did not take effect is `retryable`; a request that may have arrived is
/// `unknown` and is never resent on its own.
protocol OutboundSender: Sendable {
    func send(_ item: OutboxItem) async -> OutboxResult
}

/// What the desk puts in an outbox row's payload.
struct OutboundPayload: Codable, Sendable {
    var ticket: Int64
    /// E.164 phone (WhatsApp) or email address.
    var to: String
    var text: String
    var subject: String?
    /// Automatic confirmations carry `Auto-Submitted: auto-replied` (RFC 3834).
    var isAutomatic: Bool? = nil
    /// Set for a WhatsApp template: the providers get its id and values, not `text`.
    var template: RenderedTemplate? = nil
    /// For WhatsApp: the provider the customer last wrote through, when known.
    var provider: WhatsAppProvider? = nil
}
