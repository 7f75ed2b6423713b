/// The status of an outbound message, as the `export` contract spells it.
///
/// Providers report statuses out of order (Meta says so; Twilio retries callbacks), and Meta skips
/// `delivered` when a message is read at once. So a status is only ever replaced by one that is further
/// along: a late `sent` never overwrites `read`.
///
/// Precedence, lowest first: `unknown` < `queued` < `sent` < `failed` < `delivered` < `read`.
/// - `unknown` is lowest: it means "the request was written but no answer came", and any real report
///   from the provider is better knowledge. An unrecognised provider status maps to it and so changes
///   nothing.
/// - `failed` beats `sent` (the provider gave up after accepting), but `delivered` and `read` beat
///   `failed`: with several devices Meta may report a failure for one and delivery to another, and the
///   customer did get the message.
public enum DeliveryStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case queued
    case sent
    case delivered
    case read
    case failed
    case unknown

    /// Higher is further along; see the type's documentation.
    public var precedence: Int {
        switch self {
        case .unknown: 0
        case .queued: 1
        case .sent: 2
        case .failed: 3
        case .delivered: 4
        case .read: 5
        }
    }

    /// True when `incoming` should replace this stored status.
    public func isSuperseded(by incoming: DeliveryStatus) -> Bool {
        incoming.precedence > precedence
    }

    /// The status to store after `incoming` arrives.
    public func merging(_ incoming: DeliveryStatus) -> DeliveryStatus {
        isSuperseded(by: incoming) ? incoming : self
    }

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
