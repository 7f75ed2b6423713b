/// Twilio's `MessageStatus`, every documented value, with anything else kept verbatim.
public enum TwilioMessageStatus: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
    case queued
    case sending
    case sent
    case delivered
    case undelivered
    case failed
    case read
    case accepted
    case scheduled
    case canceled
    case receiving
    case received
    case partiallyDelivered
    /// A value Twilio added after this code was written.
    case other(String)

    public static let documented: [TwilioMessageStatus] = [
        .queued, .sending, .sent, .delivered, .undelivered, .failed, .read, .accepted, .scheduled, .canceled,
        .receiving, .received, .partiallyDelivered,
    ]

    public init(rawValue: String) {
        let lowered = rawValue.trimmingWhitespace().lowercased()
        self = Self.documented.first { $0.rawValue == lowered } ?? .other(rawValue)
    }

    public var rawValue: String {
        switch self {
        case .queued: "queued"
        case .sending: "sending"
        case .sent: "sent"
        case .delivered: "delivered"
        case .undelivered: "undelivered"
        case .failed: "failed"
        case .read: "read"
        case .accepted: "accepted"
        case .scheduled: "scheduled"
        case .canceled: "canceled"
        case .receiving: "receiving"
        case .received: "received"
        case .partiallyDelivered: "partially_delivered"
        case .other(let raw): raw
        }
    }

    public var description: String { rawValue }
}
