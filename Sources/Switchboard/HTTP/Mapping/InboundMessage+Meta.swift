import Desk
import WhatsApp

extension InboundMessage {
    /// A Meta Cloud API message as the desk stores it: the `wamid` is the idempotency key, Meta's own
    /// `timestamp` orders the conversation, `context.id` threads a reply, and `phone_number_id` says which
    /// of the business's numbers it was written to.
    init(meta message: MetaInboundMessage) {
        self.init(
            channel: .whatsapp,
            providerID: message.id,
            contact: ContactKey(whatsapp: message.sender),
            displayName: message.profileName,
            text: message.triageText,
            attachments: Self.attachments(of: message.content),
            providerTimestamp: message.timestamp,
            inReplyTo: message.replyToMessageID,
            businessNumber: message.businessPhoneNumberID)
    }

    /// What was attached; bytes stay at Meta and are fetched by media id (kept in `url`) when needed.
    private static func attachments(of content: MetaMessageContent) -> [AttachmentInfo] {
        func info(_ media: MetaMedia, fallback: String, filename: String? = nil) -> AttachmentInfo {
            AttachmentInfo(filename: filename, contentType: media.mimeType ?? fallback, url: media.id ?? media.url)
        }
        switch content {
        case .image(let media): return [info(media, fallback: "image/jpeg")]
        case .audio(let media, _): return [info(media, fallback: "audio/ogg")]
        case .video(let media): return [info(media, fallback: "video/mp4")]
        case .document(let media, let filename): return [info(media, fallback: "application/octet-stream", filename: filename)]
        case .sticker(let media, _): return [info(media, fallback: "image/webp")]
        default: return []
        }
    }
}
