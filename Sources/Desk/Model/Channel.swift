/// The way a message reached us or leaves us. The channel is only a label on a message: tickets,
/// customers and triage work the same whatever it is.
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
    case whatsapp
    case email
}
