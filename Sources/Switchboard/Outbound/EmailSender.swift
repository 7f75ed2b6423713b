import Desk
import Foundation
import SMTPClient
import Store

/// Email replies through the SMTP submission client, threaded with our own Message-ID, In-Reply-To and
/// References so the customer's answer comes back to the same ticket.
struct EmailSender: OutboundSender {
    let client: SMTPClient
    let database: AppDatabase
    let from: Mailbox

    func send(_ item: OutboxItem) async -> OutboxResult {
        guard let payload = try? JSONDecoder().decode(OutboundPayload.self, from: item.payload),
              let message = try? await database.message(id: item.messageID) else {
            return .failed(error: "the outbox payload is unreadable")
        }
        let email = OutgoingEmail(
            from: from, to: [Mailbox(name: nil, address: payload.to)], subject: payload.subject ?? "Re: your request [#\(item.ticketID)]",
            body: payload.text, messageID: message.emailMessageID ?? OutgoingEmail.makeMessageID(domain: "switchboard"),
            inReplyTo: message.inReplyTo, references: message.references, isAutoReply: payload.isAutomatic ?? false)
        switch await client.send(email) {
        case .accepted: return .sent(providerID: email.messageID)
        case .retryable(let reason): return .retryable(error: reason)
        case .permanent(let reason): return .failed(error: reason)
        case .unknown(let reason): return .unknown(error: reason)
        }
    }
}
