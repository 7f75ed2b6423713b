/// Meta's `statuses[].status`, with anything else kept verbatim.
public enum MetaMessageStatus: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
    case sent
    case delivered
    case read
    /// A voice message was played (reported since 2026).
    case played
    case failed
    /// On-premises API values, kept so that they are recognised rather than "unknown".
    case deleted
    case warning
    case other(String)

    public static let documented: [MetaMessageStatus] = [.sent, .delivered, .read, .played, .failed, .deleted, .warning]

    public init(rawValue: String) {
        let lowered = rawValue.trimmingWhitespace().lowercased()
        self = Self.documented.first { $0.rawValue == lowered } ?? .other(rawValue)
    }

    public var rawValue: String {
        switch self {
        case .sent: "sent"
        case .delivered: "delivered"
        case .read: "read"
        case .played: "played"
        case .failed: "failed"
        case .deleted: "deleted"
        case .warning: "warning"
        case .other(let raw): raw
        }
    }

    public var description: String { rawValue }
}
