import Desk
import Foundation
import Logging
import Store
import Synchronization
import Testing
import Triage

@testable import Switchboard

/// The learning loop and retention: corrections that retention erases leave the model too.
@Suite struct LearningServiceTests {
    final class Clock: Sendable {
        let date = Mutex(Date(timeIntervalSince1970: 1_750_000_000))
        var now: @Sendable () -> Date { { [self] in date.withLock { $0 } } }
        func advance(days: Double) { date.withLock { $0 = $0.addingTimeInterval(days * 86_400) } }
    }

    @Test("retrains when retention erases a correction, not only when one is added")
    func retrainsWithoutErasedCorrections() async throws {
        let clock = Clock()
        let database = try AppDatabase.inMemory(now: clock.now)
        let triage = TriageSummary(category: .support, confidence: 0.5, urgency: .normal, lang: "en")
        let old = try await database.ingest(
            InboundMessage(channel: .whatsapp, providerID: "SMold", contact: .phone("+971500000001"), text: "you charged me twice"),
            triage: triage).ticketID
        _ = try await database.retag(ticketID: old, category: .billing, actor: "aisha")
        _ = try await database.apply(.closed(), toTicket: old, actor: "aisha")
        clock.advance(days: 400)
        let recent = try await database.ingest(
            InboundMessage(channel: .whatsapp, providerID: "SMnew", contact: .phone("+971500000002"), text: "the invoice is wrong"),
            triage: triage).ticketID
        _ = try await database.retag(ticketID: recent, category: .billing, actor: "aisha")

        let service = LearningService(database: database, triager: ModelTriager(model: try TriageModel.load()), logger: Logger(label: "test"))
        let all = try await database.corrections().map(\.id)
        #expect(all.count == 2)
        #expect(try await service.retrainIfNeeded(alreadyLearned: []) == all)
        #expect(try await service.retrainIfNeeded(alreadyLearned: all) == all, "nothing new")

        #expect(try await database.eraseExpiredMessages(olderThan: .seconds(365 * 86_400)).corrections == 1)
        let left = try await database.corrections().map(\.id)
        #expect(left == [all[1]])
        #expect(try await service.retrainIfNeeded(alreadyLearned: all) == left, "one fewer correction is a change too")
    }
}
