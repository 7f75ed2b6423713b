/// The status of one stored message. Inbound messages are always `received`; outbound ones move through
/// `queued` → `sent` → `delivered` → `read`, or end in `failed` or `unknown` (the request may have reached
/// the provider, and only a person may decide to send again).
public enum DeliveryStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case received
    case queued
    case sent
    case delivered
    case read
    case failed
    case unknown

    /// Maps a provider's status word (Twilio `MessageStatus`, Meta `statuses[].status`) onto ours.
    /// Provider callbacks arrive out of order and Twilio has more words than we need, so several collapse
    /// into one. Returns nil for words that say nothing about an outbound message (`receiving`, …).
    public init?(providerStatus: String) {
        switch providerStatus.lowercased() {
        case "queued", "accepted", "scheduled", "sending": self = .queued
        case "sent": self = .sent
        case "delivered", "partially_delivered": self = .delivered
        case "read": self = .read
        case "failed", "undelivered", "canceled": self = .failed
        default: return nil
        }
    }

    /// How far along an outbound message is, so that a late "sent" callback never overwrites "read".
    /// `failed` and `unknown` share the lowest progress with `queued` because a later provider callback
    /// proving delivery is more trustworthy than either.
    public var progress: Int {
        switch self {
        case .received, .queued, .failed, .unknown: 0
        case .sent: 1
        case .delivered: 2
        case .read: 3
        }
    }
}
