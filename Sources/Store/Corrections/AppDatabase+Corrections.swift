public import Desk
public import Foundation
import GRDB

extension AppDatabase {
    /// Stores a triage correction for later learning. ``retag(ticketID:category:actor:)`` records one
    /// itself; this is for corrections made elsewhere (e.g. on a single message).
    public func recordCorrection(
        text: String, category: Desk.Category, lang: String?, channel: Channel?, actor: String,
        ticketID: Int64? = nil, messageID: Int64? = nil
    ) async throws -> Correction {
        let now = self.now()
        return try await writer.write { db in
            var record = CorrectionRecord(
                id: nil, text: text, category: category, lang: lang, channel: channel, actor: actor, at: now,
                ticketID: ticketID, messageID: messageID
            )
            try record.insert(db)
            return record.correction
        }
    }

    /// Corrections oldest first, optionally only those after a time (incremental learning).
    public func corrections(since: Date? = nil) async throws -> [Correction] {
        try await reader.read { db in
            var request = CorrectionRecord.all()
            if let since { request = request.filter(CorrectionRecord.Columns.at > since) }
            return try request.order(CorrectionRecord.Columns.id).fetchAll(db).map(\.correction)
        }
    }
}
