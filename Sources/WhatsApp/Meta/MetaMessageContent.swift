/// What a Meta message carries, by its `type`.
///
/// Every type decodes without throwing: a type this code does not know, or a known type whose body is
/// missing, becomes `.unsupported` so that one odd message cannot block the channel.
public enum MetaMessageContent: Sendable, Hashable {
    case text(String)
    case image(MetaMedia)
    /// `isVoice` is Meta's `voice: true`: a recorded voice note rather than an attached audio file.
    case audio(MetaMedia, isVoice: Bool)
    case video(MetaMedia)
    case document(MetaMedia, filename: String?)
    case sticker(MetaMedia, isAnimated: Bool)
    case location(WhatsAppLocation)
    case contacts([MetaSharedContact])
    /// `interactive.button_reply`: the customer tapped a reply button.
    case buttonReply(id: String, title: String)
    /// `interactive.list_reply`: the customer picked a list row.
    case listReply(id: String, title: String, description: String?)
    /// Another interactive reply, such as a Flow's `nfm_reply`; `type` is `interactive.type`.
    case interactive(type: String, body: String?)
    /// `button`: a quick-reply button on a template.
    case button(text: String, payload: String?)
    /// An emoji reaction to `messageID`; no emoji means the reaction was removed.
    case reaction(emoji: String?, messageID: String?)
    /// `unsupported`, `unknown`, a type added after this code, or a known type without its body.
    case unsupported(type: String)

    init(type: String, message json: JSONValue) {
        let body = json[type]
        switch type {
        case "text":
            if let text = body?["body"]?.string {
                self = .text(text)
                return
            }
        case "image":
            if let body { self = .image(MetaMedia(body)); return }
        case "audio":
            if let body { self = .audio(MetaMedia(body), isVoice: body["voice"]?.bool ?? false); return }
        case "video":
            if let body { self = .video(MetaMedia(body)); return }
        case "document":
            if let body { self = .document(MetaMedia(body), filename: body["filename"]?.text); return }
        case "sticker":
            if let body { self = .sticker(MetaMedia(body), isAnimated: body["animated"]?.bool ?? false); return }
        case "location":
            if let latitude = body?["latitude"]?.double, let longitude = body?["longitude"]?.double {
                self = .location(WhatsAppLocation(
                    latitude: latitude,
                    longitude: longitude,
                    name: body?["name"]?.text,
                    address: body?["address"]?.text,
                    url: body?["url"]?.text
                ))
                return
            }
        case "contacts":
            if let cards = json["contacts"]?.array {
                self = .contacts(cards.map(MetaSharedContact.init))
                return
            }
        case "interactive":
            if let body, let kind = body["type"]?.text {
                let reply = body[kind]
                switch kind {
                case "button_reply":
                    if let id = reply?["id"]?.string, let title = reply?["title"]?.string {
                        self = .buttonReply(id: id, title: title)
                        return
                    }
                case "list_reply":
                    if let id = reply?["id"]?.string, let title = reply?["title"]?.string {
                        self = .listReply(id: id, title: title, description: reply?["description"]?.text)
                        return
                    }
                default:
                    self = .interactive(type: kind, body: reply?["body"]?.text)
                    return
                }
            }
        case "button":
            if let text = body?["text"]?.string {
                self = .button(text: text, payload: body?["payload"]?.text)
                return
            }
        case "reaction":
            if let body {
                self = .reaction(emoji: body["emoji"]?.text, messageID: body["message_id"]?.text)
                return
            }
        default:
            break
        }
        self = .unsupported(type: type)
    }

    /// The triage text: placeholders for what is not text, then any caption.
    public var triageText: String {
        switch self {
        case .text(let text):
            TriageText.join([text])
        case .image(let media):
            TriageText.join([TriageText.image, media.caption])
        case .audio(let media, let isVoice):
            TriageText.join([isVoice ? TriageText.voiceNote : TriageText.audio, media.caption])
        case .video(let media):
            TriageText.join([TriageText.video, media.caption])
        case .document(let media, let filename):
            TriageText.join([TriageText.document(filename), media.caption])
        case .sticker:
            TriageText.sticker
        case .location(let location):
            location.placeholder
        case .contacts(let cards):
            TriageText.join(cards.map { "[contact: \($0.formattedName ?? $0.phones.first ?? "unnamed")]" })
        case .buttonReply(_, let title), .listReply(_, let title, _):
            TriageText.join([title])
        case .interactive(let type, let body):
            TriageText.join(["[\(type == "nfm_reply" ? "form reply" : "interactive reply")]", body])
        case .button(let text, _):
            TriageText.join([text])
        case .reaction(let emoji, _):
            emoji.map { "[reaction: \($0)]" } ?? "[reaction removed]"
        case .unsupported:
            TriageText.unsupported
        }
    }
}
