import Desk
import Foundation
import Synchronization
import Triage

/// Triage by the shipped model, swapped atomically when retraining on agents' corrections finishes, so
/// intake never waits for learning.
final class ModelTriager: MessageTriager, Sendable {
    private let current: Mutex<TriageModel>
    /// The shipped weights: every retraining starts again from them plus all corrections so far.
    let base: TriageModel

    init(model: TriageModel) {
        base = model
        current = Mutex(model)
    }

    var model: TriageModel { current.withLock { $0 } }

    func replace(with model: TriageModel) {
        current.withLock { $0 = model }
    }

    func triage(_ message: InboundMessage) -> TriageSummary? {
        let model = self.model
        let result = model.classify(text: message.text, channel: TriageChannel(rawValue: message.channel.rawValue), isAutoReply: message.isAutoReply)
        var scores: [Desk.Category: Double] = [:]
        for (category, score) in result.scores {
            if let mapped = Desk.Category(rawValue: category.rawValue) { scores[mapped] = score }
        }
        return TriageSummary(
            category: Desk.Category(rawValue: result.category.rawValue) ?? .support, confidence: result.confidence,
            urgency: result.urgency == .high ? .high : .normal, lang: result.lang, scores: scores)
    }
}
