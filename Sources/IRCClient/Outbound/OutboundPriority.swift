/// Outbound lines are sent most urgent first. PONG and registration must never wait behind a backlog of
/// ticket cards, and a reply to a person's command beats every card: an agent who types `help` during a
/// flood of urgent tickets is answered at the next token of the flood gate.
public enum OutboundPriority: Int, Sendable, Comparable, CaseIterable {
    case immediate = 0
    case commandReply = 1
    /// Urgent and churn cards: ahead of ordinary cards, behind people.
    case urgentCard = 2
    case card = 3
    case digest = 4

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
