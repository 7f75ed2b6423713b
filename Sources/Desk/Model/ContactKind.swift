/// The kinds of address a customer can be reached at; the raw values are stored in `contacts.kind`.
public enum ContactKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// An E.164 phone number (`+971501234567`). WhatsApp senders with a phone number land here, so an
    /// imported phone and a WhatsApp sender are the same contact.
    case phone
    /// A WhatsApp business-scoped user id, for senders WhatsApp does not reveal a number for.
    case whatsapp
    /// A lowercased email address.
    case email
}
