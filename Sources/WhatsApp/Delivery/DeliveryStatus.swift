/// A provider's delivery report for an outbound message, in the words of the `export` contract.
///
/// This type only reads Twilio's and Meta's words. Which report wins when they arrive out of order is
/// the desk's rule, kept in one place: `Desk.DeliveryStatus`'s precedence. An unrecognised provider
/// status maps to `unknown`, which changes nothing.
public enum DeliveryStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case queued
    case sent
    case delivered
    case read
    case failed
    case unknown

    /// Twilio's `MessageStatus`. Statuses before hand-off to WhatsApp (`accepted`, `scheduled`,
    /// `queued`, `sending`) are `queued`; `undelivered`, `failed` and `canceled` are `failed`;
    /// `partially_delivered` counts as `delivered`; the inbound-only `receiving`/`received` and unknown
    /// values are `unknown`.
    public init(twilio status: TwilioMessageStatus) {
        switch status {
        case .accepted, .scheduled, .queued, .sending: self = .queued
        case .sent: self = .sent
        case .delivered, .partiallyDelivered: self = .delivered
        case .read: self = .read
        case .undelivered, .failed, .canceled: self = .failed
        case .receiving, .received, .other: self = .unknown
        }
    }

    /// Meta's `statuses[].status`. `played` (a voice message was listened to) implies `read`.
    public init(meta status: MetaMessageStatus) {
        switch status {
        case .sent: self = .sent
        case .delivered: self = .delivered
        case .read, .played: self = .read
        case .failed: self = .failed
        case .deleted, .warning, .other: self = .unknown
        }
    }
}
