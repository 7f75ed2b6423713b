/// Whether a message needs attention before the normal queue order.
public enum Urgency: String, Sendable, Hashable, CaseIterable, Codable {
    case high
    case normal
}
