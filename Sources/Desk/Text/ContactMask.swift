import WhatsApp

/// Masks contact details for places where agents need to recognise a customer but should not copy
/// their details: IRC channels are logged and shared more widely than the database.
public enum ContactMask {
    /// `+971 50 *** 4567`, `p***@kettle.example`, or a WhatsApp id with its middle hidden.
    public static func mask(_ key: ContactKey) -> String {
        switch key.normalized {
        case .phone(let number): phone(number)
        case .email(let address): email(address)
        case .whatsappID(let id): opaque(id)
        }
    }

    /// `+971501234567` → `+971 50 *** 4567`: calling code, the first two national digits (the operator
    /// or area, which helps recognise a number), and the last four.
    public static func phone(_ e164: String) -> String {
        let digits = e164.filter(\.isASCIIDigit)
        guard digits.count >= 7 else { return "+" + String(repeating: "*", count: max(digits.count, 3)) }
        let codeLength = PhoneNumber.callingCodeLength(ofDigits: digits)
        let code = digits.prefix(codeLength)
        let national = digits.dropFirst(codeLength)
        if national.count >= 8 {
            return "+\(code) \(national.prefix(2)) *** \(national.suffix(4))"
        }
        return "+\(code) *** \(national.suffix(2))"
    }

    /// `pat@kettle.example` → `p***@kettle.example`. The domain stays: it tells agents which company.
    public static func email(_ address: String) -> String {
        guard let at = address.lastIndex(of: "@") else { return opaque(address) }
        let local = address[..<at]
        let domain = address[at...]
        guard let first = local.first else { return "***" + domain }
        return "\(first)***\(domain)"
    }

    static func opaque(_ value: String) -> String {
        guard value.count > 6 else { return "***" }
        return "\(value.prefix(2))***\(value.suffix(2))"
    }
}
