import Desk
import Foundation
import Store

/// Decides category, urgency and language for an inbound message before it is stored.
protocol MessageTriager: Sendable {
    func triage(_ message: InboundMessage) -> TriageSummary?
}

/// Told about every newly stored message, after its commit: the desk posts its card.
protocol IntakeListener: Sendable {
    /// Hands over a committed message. It must not wait for IRC: the provider's answer waits for it.
    func didIngest(_ receipt: IngestReceipt, message: InboundMessage, triage: TriageSummary?, isFlooding: Bool) async
    /// A provider reported a new delivery status (delivered, read, failed) for an outbound message.
    func didUpdateDelivery(_ message: Message) async
    /// The rules the listener wants applied in the ingest transaction, when the pipeline has none.
    var intakeRules: IntakeRules? { get }
}

extension IntakeListener {
    func didUpdateDelivery(_ message: Message) async {}
    var intakeRules: IntakeRules? { nil }
}

/// The one path every channel takes into the desk: triage, one durable transaction shared with
/// whatever arrives at the same time (group commit) that also routes, times or closes the ticket,
/// then the listener.
///
/// Webhook handlers acknowledge the provider only after `accept` returns, so an acknowledged message is
/// always committed; a duplicate (a provider retry) returns without touching the listener.
struct IntakePipeline: Sendable {
    let database: AppDatabase
    let triager: any MessageTriager
    let listener: any IntakeListener
    /// Counts each sender's new messages; beyond its limit the listener is told the sender is flooding.
    let floodMonitor: SenderFloodMonitor
    private let committer: GroupCommitter

    /// - Parameters:
    ///   - rules: routing and timers applied in the ingest transaction; the listener's when nil.
    ///   - reopenWindow: a customer reply within this window reopens their closed ticket.
    init(database: AppDatabase, triager: any MessageTriager, listener: any IntakeListener, rules: IntakeRules? = nil,
         reopenWindow: Duration = .seconds(7 * 86_400), floodMonitor: SenderFloodMonitor = SenderFloodMonitor()) {
        self.database = database
        self.triager = triager
        self.listener = listener
        self.floodMonitor = floodMonitor
        committer = GroupCommitter(database: database, reopenWithin: reopenWindow, rules: rules ?? listener.intakeRules)
    }

    func accept(_ message: InboundMessage) async throws -> IngestOutcome {
        // A photo or voice note with no caption is never no_action on its own (see NoActionPolicy).
        let triage = NoActionPolicy.triage(triager.triage(message), for: message)
        let outcome = try await committer.submit(IngestRequest(message: message, triage: triage))
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
