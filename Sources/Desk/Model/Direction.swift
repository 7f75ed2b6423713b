/// Whether a message came from the customer (`in`) or was sent by us (`out`).
public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
    case inbound = "in"
    case outbound = "out"
}
