public import Foundation

/// What `no_action` may do on its own. A wrong `no_action` is the one triage mistake nobody sees: the
/// ticket used to close at once, so a voice note, "any update??" or a real request the model misread
/// simply vanished. Now only what is certainly nothing to answer closes by itself; everything else
/// reaches the desk, folded into a quiet line, one `tag` away from being worked.
public enum NoActionPolicy {
    /// Below this confidence a pleasantry is shown rather than closed.
    public static let pleasantryConfidence = 0.8
    /// A pleasantry closes by itself only this soon after our last reply to the customer.
    public static let recentReply: TimeInterval = 7 * 86_400
    /// Longer than this, a message is not a mere "thanks".
    static let pleasantryLength = 60

    /// Triage with the media rule applied: a photo, voice note, document or sticker with no caption is
    /// never `no_action` on its own; until an agent tags it, it is `support` at normal urgency.
    public static func triage(_ triage: TriageSummary?, for message: InboundMessage) -> TriageSummary? {
        guard var triage, triage.category == .noAction, isCaptionlessMedia(message), !message.isAutoReply else { return triage }
        triage.category = .support
        triage.urgency = .normal
        return triage
    }

    /// Whether a new ticket triaged `no_action` may be closed without anyone seeing it: an RFC 3834
    /// auto-reply, or a short pleasantry, confidently classified, from a customer we answered recently.
    public static func closesByItself(_ message: InboundMessage, confidence: Double, lastReplyToCustomer: Date?, now: Date) -> Bool {
        if message.isAutoReply { return true }
        guard !isCaptionlessMedia(message), confidence >= pleasantryConfidence,
              message.text.count <= pleasantryLength, let lastReply = lastReplyToCustomer else { return false }
        return now.timeIntervalSince(lastReply) <= recentReply
    }

    /// Media (attachments, or only `[image]`-style placeholders) and no words of the customer's own.
    public static func isCaptionlessMedia(_ message: InboundMessage) -> Bool {
        let words = withoutPlaceholders(message.text)
        let placeholdersOnly = words.isEmpty && message.text.contains("[")
        return (!message.attachments.isEmpty || placeholdersOnly) && words.isEmpty
    }

    /// The text with `[voice note]`, `[image]`, `[document: x.pdf]`… removed.
    static func withoutPlaceholders(_ text: String) -> String {
        var result = ""
        var depth = 0
        for character in text {
            switch character {
            case "[": depth += 1
            case "]" where depth > 0: depth -= 1
            default: if depth == 0 { result.append(character) }
            }
        }
        return result.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
