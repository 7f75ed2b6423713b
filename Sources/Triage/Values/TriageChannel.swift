/// The channel a message arrived on. It is a feature for the model (emails are longer and more formal),
/// and rules can be limited to one channel.
public enum TriageChannel: String, Sendable, Hashable, CaseIterable, Codable {
    case whatsapp
    case email
}
