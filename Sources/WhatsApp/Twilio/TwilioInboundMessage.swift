/// An inbound WhatsApp message as Twilio posts it to `POST /webhooks/twilio`.
///
/// Only `MessageSid` (the dedupe key) and `From` are required. Everything else is optional because
/// Twilio adds and drops parameters without notice, and a message must never be refused for lacking a
/// field Switchboard can live without.
public struct TwilioInboundMessage: Sendable {
    /// `SM…` or `MM…`, 34 characters; a repeat means Twilio retried.
    public let messageSid: String
    public let accountSid: String?
    public let messagingServiceSid: String?
    /// `From` as sent: `whatsapp:+971501234567`, or `whatsapp:<id>`.
    public let from: String
    /// `To` as sent: the business's `whatsapp:+E164`.
    public let to: String?
    /// `From` (or `WaId` when `From` is not a phone) normalised.
    public let sender: WhatsAppContactID
    /// `To` normalised.
    public let recipient: WhatsAppContactID?
    /// The sender's WhatsApp id, digits without `+`.
    public let waId: String?
    public let profileName: String?
    /// The text, or the caption of an attachment; empty when there is none.
    public let body: String
    /// `NumMedia` as sent, or the number of attachments found when it is missing or wrong.
    public let numMedia: Int
    public let media: [TwilioMedia]
    /// `text`, `image`, `audio`, `video`, `document`, `location`, `button`, `interactive`, … as sent.
    public let messageType: String?
    public let location: WhatsAppLocation?
    /// The label of a quick-reply button the customer tapped.
    public let buttonText: String?
    /// The developer-defined payload of that button.
    public let buttonPayload: String?
    public let referral: WhatsAppReferral?
    /// `OriginalRepliedMessageSid`: the message this one replies to.
    public let repliedToMessageSid: String?
    public let isForwarded: Bool
    public let isFrequentlyForwarded: Bool
    /// Every parameter received, in wire order, for storage and signature checks.
    public let parameters: [(name: String, value: String)]

    /// Decodes the form parameters. Throws when `MessageSid` or `From` is missing or blank.
    public init(parameters: [(String, String)]) throws(WhatsAppDecodingError) {
        let form = FormURLEncoded(pairs: parameters.map { (name: $0.0, value: $0.1) })
        func field(_ name: String) -> String? {
            form.first(name)?.nonBlank
        }
        guard let messageSid = field("MessageSid")?.trimmingWhitespace() else {
            throw .missingField("MessageSid")
        }
        guard let from = field("From")?.trimmingWhitespace() else {
            throw .missingField("From")
        }
        let waId = field("WaId")?.trimmingWhitespace()
        guard let sender = WhatsAppContactID(preferringPhone: [from, waId]) else {
            throw .missingField("From")
        }
        self.messageSid = messageSid
        self.accountSid = field("AccountSid")
        self.messagingServiceSid = field("MessagingServiceSid")
        self.from = from
        self.to = field("To")
        self.sender = sender
        self.recipient = field("To").flatMap { WhatsAppContactID($0) }
        self.waId = waId
        self.profileName = field("ProfileName")
        self.body = form.first("Body") ?? ""
        self.messageType = field("MessageType")
        self.buttonText = field("ButtonText")
        self.buttonPayload = field("ButtonPayload")
        self.repliedToMessageSid = field("OriginalRepliedMessageSid")
        self.isForwarded = field("Forwarded")?.lowercased() == "true"
        self.isFrequentlyForwarded = field("FrequentlyForwarded")?.lowercased() == "true"
        self.parameters = form.pairs

        let declared = field("NumMedia").flatMap { Int($0.trimmingWhitespace()) }
        var media: [TwilioMedia] = []
        var index = 0
        while let url = field("MediaUrl\(index)") {
            media.append(TwilioMedia(url: url, contentType: field("MediaContentType\(index)")))
            index += 1
        }
        self.media = media
        self.numMedia = max(declared ?? media.count, media.count)

        if let latitude = field("Latitude").flatMap({ Double($0.trimmingWhitespace()) }),
           let longitude = field("Longitude").flatMap({ Double($0.trimmingWhitespace()) }) {
            self.location = WhatsAppLocation(
                latitude: latitude,
                longitude: longitude,
                name: field("Label"),
                address: field("Address")
            )
        } else {
            self.location = nil
        }

        let referral = WhatsAppReferral(
            sourceURL: field("ReferralSourceUrl"),
            sourceID: field("ReferralSourceId"),
            sourceType: field("ReferralSourceType"),
            headline: field("ReferralHeadline"),
            body: field("ReferralBody"),
            mediaType: field("ReferralMediaContentType"),
            mediaURL: field("ReferralMediaUrl"),
            mediaID: field("ReferralMediaId"),
            ctwaClid: field("ReferralCtwaClid")
        )
        self.referral = referral.isEmpty ? nil : referral
    }

    /// Decodes a raw `application/x-www-form-urlencoded` body.
    public init(body: some Collection<UInt8>) throws(WhatsAppDecodingError) {
        try self.init(parameters: FormURLEncoded.decode(body).map { ($0.name, $0.value) })
    }

    /// What triage reads: `[voice note]`, `[image]`, `[video]`, `[document]`, `[sticker]` or
    /// `[location: …]` for each attachment, then the tapped button's label and the body or caption.
    /// A message of an unknown type with nothing in it reads `[unsupported message]`.
    public var triageText: String {
        var parts: [String?] = media.map { $0.placeholder(messageType: messageType) }
        if media.isEmpty, numMedia > 0 || !(messageType.map(Self.textualTypes.contains) ?? true) {
            parts.append(placeholder(forType: messageType))
        }
        parts.append(location?.placeholder)
        parts.append(buttonText)
        parts.append(body)
        let text = TriageText.join(parts)
        return text.isEmpty && !(messageType.map(Self.textualTypes.contains) ?? true) ? TriageText.unsupported : text
    }

    /// Types whose meaning is entirely in the text fields.
    private static let textualTypes: Set<String> = ["text", "button", "interactive", "location"]

    /// A placeholder from `MessageType` alone, for media whose URL did not come through.
    private func placeholder(forType type: String?) -> String? {
        switch type?.lowercased() {
        case "image": TriageText.image
        case "video": TriageText.video
        case "audio", "voice": TriageText.voiceNote
        case "document": TriageText.document(nil)
        case "sticker": TriageText.sticker
        default: nil
        }
    }
}
