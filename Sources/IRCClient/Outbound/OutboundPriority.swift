/// Outbound lines are sent most urgent first. PONG and registration must never wait behind a backlog of
/// ticket cards, and a reply to a person's command should beat a digest.
public enum OutboundPriority: Int, Sendable, Comparable, CaseIterable {
    case immediate = 0
    case commandReply = 1
    case card = 2
    case digest = 3

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
