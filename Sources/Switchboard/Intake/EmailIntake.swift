import Crypto
import Desk
import Foundation
import Mail

/// Turns a parsed email into the channel-neutral `InboundMessage`.
///
/// The customer is the `From` address alone. `Reply-To` is whatever the sender typed: with
/// `From: attacker@evil.example` and `Reply-To: pat@kettle.example` the message is the attacker's (their
/// own customer, their own ticket), and the Reply-To rides along on the message to be shown to agents.
/// A message without a usable `From` is refused rather than filed under its Reply-To.
enum EmailIntake {
    static func inboundMessage(from email: ParsedEmail, raw: [UInt8]) -> InboundMessage? {
        guard let from = email.fromAddress, from.contains("@") else { return nil }
        // Without a Message-ID, a digest of the raw bytes still recognises an MTA's retry as a duplicate.
        let providerID = email.messageID ?? "sha256-" + SHA256.hash(data: raw).map { String(format: "%02x", $0) }.joined()
        let text = email.newText.isEmpty ? email.text : email.newText
        return InboundMessage(
            channel: .email, providerID: providerID, contact: .email(from.lowercased()), displayName: email.fromName,
            text: [email.subject.map { "Subject: \($0)" }, text].compactMap { $0 }.joined(separator: "\n\n"),
            attachments: email.attachments.map { AttachmentInfo(filename: $0.filename, contentType: $0.contentType, size: $0.size) },
            providerTimestamp: email.date, subject: email.subject, inReplyTo: email.inReplyTo, references: email.references,
            isAutoReply: email.isAutoReply, replyTo: email.replyTo.flatMap { $0.contains("@") ? $0 : nil })
    }
}
