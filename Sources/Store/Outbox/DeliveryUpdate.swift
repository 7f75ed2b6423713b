public import Desk

/// An outbound message after a provider's status callback, and whether the callback moved its status.
public struct DeliveryUpdate: Sendable {
    public var message: Message
    /// False for a repeated callback or one that arrived after a later status.
    public var changed: Bool
}
