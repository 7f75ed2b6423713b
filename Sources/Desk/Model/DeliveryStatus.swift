/// The status of one stored message. Inbound messages are always `received`; outbound ones move through
/// `queued` → `sent` → `delivered` → `read`, or end in `failed` or `unknown` (the request may have reached
/// the provider, and only a person may decide to send again).
///
/// Providers report statuses out of order (Meta says so; Twilio retries callbacks), and Meta skips
/// `delivered` when a message is read at once. So a status is only ever replaced by one that is further
/// along: a late `sent` never overwrites `read`. This is the project's one order of delivery statuses.
///
/// Precedence, lowest first: `received` and `unknown` < `queued` < `sent` < `failed` < `delivered` < `read`.
/// - `unknown` is lowest: it means "the request was written but no answer came", and any real report
///   from the provider is better knowledge.
/// - `received` belongs to inbound messages, which have no delivery progress: it never replaces anything.
/// - `failed` beats `sent` (the provider gave up after accepting), but `delivered` and `read` beat
///   `failed`: with several devices Meta may report a failure for one and delivery to another, and the
///   customer did get the message.
public enum DeliveryStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case received
    case queued
    case sent
    case delivered
    case read
    case failed
    case unknown

    /// Higher is further along; see the type's documentation.
    public var precedence: Int {
        switch self {
        case .received, .unknown: 0
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
}
