import WhatsApp

/// The address a message came from, which is how we recognise a customer across channels.
///
/// Build keys through ``normalized`` (or the helpers in `ContactKey+Parsing.swift`) before comparing or
/// storing them: the store matches on the exact normalised value, so `Pat@Kettle.example` and
/// `pat@kettle.example` must become the same key.
public enum ContactKey: Sendable, Hashable, Codable {
    /// An E.164 number such as `+971501234567`.
    case phone(String)
    /// A WhatsApp user id for senders known only by a business-scoped id.
    case whatsappID(String)
    /// An email address, lowercased.
    case email(String)

    public var kind: ContactKind {
        switch self {
        case .phone: .phone
        case .whatsappID: .whatsapp
        case .email: .email
        }
    }

    /// The stored form of the value (see ``normalized``).
    public var value: String {
        switch normalized {
        case .phone(let value), .whatsappID(let value), .email(let value): value
        }
    }

    /// Rebuilds a key from its stored parts.
    public init(kind: ContactKind, value: String) {
        switch kind {
        case .phone: self = .phone(value)
        case .whatsapp: self = .whatsappID(value)
        case .email: self = .email(value)
        }
    }

    /// The canonical form: phones in E.164 when they can be read as such, emails trimmed and lowercased.
    /// Email local parts are case-sensitive in theory; in practice no provider treats them so, and
    /// splitting one customer in two is the worse failure.
    public var normalized: ContactKey {
        switch self {
        case .phone(let raw):
            return .phone(PhoneNumber(raw, bareDigits: .national)?.e164 ?? raw.trimmingWhitespace())
        case .whatsappID(let raw):
            return .whatsappID(raw.trimmingWhitespace())
        case .email(let raw):
            return .email(EmailAddress.normalize(raw) ?? raw.trimmingWhitespace().lowercased())
        }
    }
}
