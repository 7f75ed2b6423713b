/// Two levels on purpose: a finer scale invites arguing about the middle and is not what routing needs.
public enum Urgency: String, Sendable, Hashable, Codable, CaseIterable {
    case high
    case normal
}
