import Desk
import Foundation
import GRDB
import Store

/// Builders for the values the store tests feed in.
enum Fixtures {
    static func whatsapp(
        _ sid: String, from phone: String = "+971501234567", text: String = "my kettle is broken",
        at timestamp: Date? = nil, name: String? = "Pat"
    ) -> InboundMessage {
        InboundMessage(
            channel: .whatsapp, providerID: sid, contact: .phone(phone), displayName: name, text: text,
            providerTimestamp: timestamp
        )
    }

    static func email(
        _ messageID: String, from address: String = "pat@kettle.example", subject: String = "Kettle",
        text: String = "hello", inReplyTo: String? = nil, references: [String] = [], autoReply: Bool = false
    ) -> InboundMessage {
        InboundMessage(
            channel: .email, providerID: "<\(messageID)>", contact: .email(address), displayName: "Pat Doe", text: text,
            subject: subject, inReplyTo: inReplyTo, references: references, isAutoReply: autoReply
        )
    }

    static func triage(_ category: Desk.Category = .support, urgency: Urgency = .normal, lang: String = "en") -> TriageSummary {
        TriageSummary(category: category, confidence: 0.9, urgency: urgency, lang: lang, scores: [category: 0.9])
    }

    static func draft(ticket: Int64, channel: Channel = .whatsapp, text: String = "We'll replace it by Friday.", messageID: String? = nil) -> OutboundDraft {
        OutboundDraft(
            ticketID: ticket, channel: channel, text: text, payload: Data(#"{"to":"+971501234567","body":"x"}"#.utf8),
            author: "aisha", subject: channel == .email ? "Re: Kettle [#\(ticket)]" : nil, emailMessageID: messageID
        )
    }

    static func database(_ clock: TestClock = TestClock(), backoff: OutboxBackoff = OutboxBackoff()) throws -> (AppDatabase, DatabaseQueue) {
        let queue = try DatabaseQueue(configuration: AppDatabase.makeConfiguration())
        return (try AppDatabase(queue, backoff: backoff, now: clock.function), queue)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
