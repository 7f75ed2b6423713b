import Desk
import Foundation
import Store

/// Decides category, urgency and language for an inbound message before it is stored.
protocol MessageTriager: Sendable {
    func triage(_ message: InboundMessage) -> TriageSummary?
}

/// Told about every newly stored message, after its commit: the desk routes it and posts a card.
protocol IntakeListener: Sendable {
    func didIngest(_ receipt: IngestReceipt, message: InboundMessage, triage: TriageSummary?, isFlooding: Bool) async
    /// A provider reported a new delivery status (delivered, read, failed) for an outbound message.
    func didUpdateDelivery(_ message: Message) async
}

extension IntakeListener {
    func didUpdateDelivery(_ message: Message) async {}
}

/// The one path every channel takes into the desk: triage, one durable transaction, then the listener.
///
/// Webhook handlers acknowledge the provider only after `accept` returns, so an acknowledged message is
/// always committed; a duplicate (a provider retry) returns without touching the listener.
struct IntakePipeline: Sendable {
    let database: AppDatabase
    let triager: any MessageTriager
    let listener: any IntakeListener
    /// A customer reply within this window reopens their closed ticket.
    var reopenWindow: Duration = .seconds(7 * 86_400)
    /// Counts each sender's new messages; beyond its limit the listener is told the sender is flooding.
    var floodMonitor = SenderFloodMonitor()

    func accept(_ message: InboundMessage) async throws -> IngestOutcome {
        // A photo or voice note with no caption is never no_action on its own (see NoActionPolicy).
        let triage = NoActionPolicy.triage(triager.triage(message), for: message)
        let outcome = try await database.ingest(message, triage: triage, reopenWithin: reopenWindow)
        if case .stored(let receipt) = outcome {
            DeskMetrics.triaged(triage?.category)
            await listener.didIngest(receipt, message: message, triage: triage, isFlooding: floodMonitor.record(message.contact))
        }
        return outcome
    }
}

/// Until a model is wired in: every message is `support`, normal urgency, language unknown.
struct FallbackTriager: MessageTriager {
    func triage(_ message: InboundMessage) -> TriageSummary? {
        TriageSummary(category: message.isAutoReply ? .noAction : .support, confidence: 0, urgency: .normal, lang: "und")
    }
}

/// A listener that does nothing, for commands that ingest without a running desk (`ingest-email`).
struct DiscardingIntakeListener: IntakeListener {
    func didIngest(_ receipt: IngestReceipt, message: InboundMessage, triage: TriageSummary?, isFlooding: Bool) async {}
}
