public import Foundation

/// One address of a customer.
public struct Contact: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var customerID: Int64
    public var key: ContactKey
    /// The last inbound WhatsApp message from this contact. Free-form WhatsApp replies are allowed only
    /// within 24 hours of it, so it is kept per contact rather than derived from messages each time.
    public var lastInboundAt: Date?

    public init(id: Int64, customerID: Int64, key: ContactKey, lastInboundAt: Date? = nil) {
        self.id = id
        self.customerID = customerID
        self.key = key
        self.lastInboundAt = lastInboundAt
    }
}
