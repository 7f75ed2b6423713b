import Desk
import WhatsApp

extension InboundMessage {
    /// A Twilio inbound webhook as the desk stores it. `MessageSid` is the idempotency key; Twilio's
    /// inbound webhook carries no send time, so `providerTimestamp` stays nil and listings use the time
    /// of storage. A reply to one of our messages threads through `OriginalRepliedMessageSid`. `To`, the
    /// business number written to, is kept as `whatsapp:+E164` so the reply can leave from it.
    init(twilio message: TwilioInboundMessage) {
        self.init(
            channel: .whatsapp,
            providerID: message.messageSid,
            contact: ContactKey(whatsapp: message.sender),
            displayName: message.profileName,
            text: message.triageText,
            attachments: message.media.map { media in
                AttachmentInfo(contentType: media.contentType ?? "application/octet-stream", url: media.url)
            },
            providerTimestamp: nil,
            inReplyTo: message.repliedToMessageSid,
            businessNumber: message.to.map { BusinessNumbers.twilioAddress($0) ?? $0 })
    }
}
