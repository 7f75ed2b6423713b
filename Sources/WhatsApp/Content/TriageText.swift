/// Builds the text triage reads: a placeholder per attachment, then the customer's own words.
///
/// Triage is a text model, so a voice note with no caption would otherwise be an empty message and be
/// filed as `no_action`. `[voice note]` keeps it visible, and a caption still carries the meaning.
enum TriageText {
    static let voiceNote = "[voice note]"
    static let audio = "[audio]"
    static let image = "[image]"
    static let video = "[video]"
    static let sticker = "[sticker]"
    static let unsupported = "[unsupported message]"

    static func document(_ name: String?) -> String {
        name?.nonBlank.map { "[document: \($0)]" } ?? "[document]"
    }

    /// Placeholders and text joined by single spaces, skipping empty parts and a text that only repeats
    /// the previous part (Twilio copies a button's text into `Body`).
    static func join(_ parts: [String?]) -> String {
        var kept: [String] = []
        for part in parts {
            guard let text = part?.trimmingWhitespace(), !text.isEmpty, kept.last != text else {
                continue
            }
            kept.append(text)
        }
        return kept.joined(separator: " ")
    }
}
