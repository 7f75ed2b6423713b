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
    /// For WhatsApp: the business number the customer wrote to (`whatsapp:+E164` for Twilio, a phone
    /// number id for Meta), so the reply comes from the number they know. A sender uses it only when it
    /// is still configured, and its first configured number otherwise.
    var from: String? = nil
}
