import Desk
import Foundation
import Logging
import ServiceLifecycle
import Store
import Triage

/// Learns from `tag N CATEGORY`: every correction is stored as a labeled example, and this service
/// retrains from the shipped weights plus all corrections (weighted up) whenever new ones appear, then
/// swaps the model in atomically. It runs beside intake and never blocks it.
struct LearningService: Service {
    let database: AppDatabase
    let triager: ModelTriager
    let logger: Logger
    var interval: Duration = .seconds(30)

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            var learned: [Int64] = []
            while !Task.isCancelled {
                do {
                    learned = try await retrainIfNeeded(alreadyLearned: learned)
                } catch {
                    logger.error("retraining failed: \(error)")
                }
                try await Task.sleep(for: interval)
            }
        }
    }

    /// Retrains when the corrections are not the ones the current model learned from: new ones came,
    /// or retention erased some (whose texts the model should then forget too). Returns their ids.
    func retrainIfNeeded(alreadyLearned: [Int64]) async throws -> [Int64] {
        let corrections = try await database.corrections()
        let ids = corrections.map(\.id)
        guard ids != alreadyLearned else { return alreadyLearned }
        let examples = corrections.compactMap { correction -> LabeledExample? in
            guard let category = TriageCategory(rawValue: correction.category.rawValue) else { return nil }
            return LabeledExample(text: correction.text, category: category, lang: correction.lang,
                                  channel: correction.channel.flatMap { TriageChannel(rawValue: $0.rawValue) }, source: "correction")
        }
        let started = ContinuousClock.now
        let model = await Task.detached(priority: .background) { [base = triager.base] in base.retrained(with: examples) }.value
        triager.replace(with: model)
        logger.info("learned from \(examples.count) corrections in \(started.duration(to: .now))")
        return ids
    }
}
