extension Message {
    /// The sender as a contact key, to mask or look up: an email address, an E.164 phone, or a WhatsApp id.
    public var senderKey: ContactKey? {
        guard let sender else { return nil }
        switch channel {
        case .email: return .email(sender)
        case .whatsapp: return sender.hasPrefix("+") ? .phone(sender) : .whatsappID(sender)
        }
    }
}
