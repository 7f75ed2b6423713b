/// One attachment of a Twilio message: `MediaUrlN` and `MediaContentTypeN`.
///
/// Fetching the URL needs the account's Basic auth and following a redirect; that is the sender's job.
public struct TwilioMedia: Sendable, Hashable {
    public var url: String
    public var contentType: String?

    public init(url: String, contentType: String?) {
        self.url = url
        self.contentType = contentType
    }

    /// The triage placeholder for this attachment. WhatsApp voice notes arrive as `audio/ogg` (Opus);
    /// other audio is a file the customer attached.
    func placeholder(messageType: String?) -> String {
        let type = (contentType ?? "").lowercased()
        if messageType?.lowercased() == "sticker" {
            return TriageText.sticker
        }
        if type.hasPrefix("image/") {
            return TriageText.image
        }
        if type.hasPrefix("video/") {
            return TriageText.video
        }
        if type.hasPrefix("audio/") {
            return type.contains("ogg") || type.contains("opus") ? TriageText.voiceNote : TriageText.audio
        }
        return TriageText.document(nil)
    }
}
