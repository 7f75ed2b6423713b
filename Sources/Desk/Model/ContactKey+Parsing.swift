import WhatsApp

extension ContactKey {
    /// Reads a WhatsApp sender as providers give it: Twilio's `whatsapp:+971501234567` or
    /// `whatsapp:<id>`, or Meta's bare digits `971501234567` (Meta's `wa_id` has no `+`). A value that
    /// reads as a phone number becomes `.phone`, so it matches an imported customer's number; anything
    /// else is a business-scoped id.
    public static func whatsappSender(_ raw: String) -> ContactKey {
        var value = raw.trimmingWhitespace()
        if value.lowercased().hasPrefix("whatsapp:") {
            value = String(value.dropFirst("whatsapp:".count))
        }
        if let phone = PhoneNumber(value, bareDigits: .national) ?? PhoneNumber(waId: value) {
            return .phone(phone.e164)
        }
        return .whatsappID(value)
    }
}
