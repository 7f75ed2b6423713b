/// Who a WhatsApp message is from, the same whichever provider carried it.
///
/// Twilio writes `From=whatsapp:+971501234567` and `WaId=971501234567`; Meta writes
/// `from: "971501234567"` and `wa_id`. All of them become the phone `+971501234567`. Senders known only
/// by a business-scoped id (Meta's BSUID such as `US.13491208655302741918`, or a `whatsapp:` value that is
/// not a number) are kept as an opaque id and flagged as not a phone, so they are never matched against
/// customers' phone numbers.
public struct WhatsAppContactID: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case phone(PhoneNumber)
        case opaque(String)
    }

    public let kind: Kind

    public init(phone: PhoneNumber) {
        self.kind = .phone(phone)
    }

    /// An id that is not a phone number. Nil when empty.
    public init?(opaque id: String) {
        let trimmed = id.trimmingWhitespace()
        guard !trimmed.isEmpty else {
            return nil
        }
        self.kind = .opaque(trimmed)
    }

    /// Any one WhatsApp address: Twilio's `From`/`To`/`WaId`, Meta's `from`/`wa_id`/`recipient_id` or a
    /// BSUID. Bare digits are read as a full international number, as WhatsApp always writes them.
    /// Nil when empty.
    public init?(_ address: String) {
        var rest = Substring(address.trimmingWhitespace())
        if rest.lowercased().hasPrefix("whatsapp:") {
            rest = rest.dropFirst("whatsapp:".count)
        }
        let text = String(rest).trimmingWhitespace()
        guard !text.isEmpty else {
            return nil
        }
        if let phone = PhoneNumber(waId: text) {
            self.kind = .phone(phone)
        } else if case .international(let phone) = PhoneNumber.normalise(text) {
            self.kind = .phone(phone)
        } else {
            self.kind = .opaque(text)
        }
    }

    /// The best id from several addresses for one sender (Twilio `From` and `WaId`; Meta `from`, contact
    /// `wa_id` and `user_id`): the first that is a phone number, otherwise the first opaque id.
    public init?(preferringPhone addresses: [String?]) {
        let ids = addresses.compactMap { address in address.flatMap { WhatsAppContactID($0) } }
        guard let chosen = ids.first(where: \.isPhone) ?? ids.first else {
            return nil
        }
        self = chosen
    }

    /// The key to store: E.164 for a phone, the id itself otherwise.
    public var value: String {
        switch kind {
        case .phone(let phone): phone.e164
        case .opaque(let id): id
        }
    }

    public var isPhone: Bool {
        if case .phone = kind { true } else { false }
    }

    public var phone: PhoneNumber? {
        if case .phone(let phone) = kind { phone } else { nil }
    }

    /// The address to send to through Twilio: `whatsapp:` and the value.
    public var twilioAddress: String { "whatsapp:" + value }

    /// The recipient to send to through Meta: digits without `+` for a phone, the id otherwise.
    public var metaRecipient: String {
        switch kind {
        case .phone(let phone): phone.digits
        case .opaque(let id): id
        }
    }

    public var description: String { value }
}
