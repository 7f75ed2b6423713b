public import Foundation

/// One line of a queue listing: the ticket plus what an agent needs to pick it.
public struct TicketSummary: Sendable, Hashable, Codable {
    public var ticket: Ticket
    public var customerName: String
    public var customerPlan: String?
    public var messageCount: Int
    /// The latest inbound message, for a one-line preview.
    public var lastInboundText: String?
    public var lastInboundAt: Date?

    public init(
        ticket: Ticket, customerName: String, customerPlan: String? = nil, messageCount: Int,
        lastInboundText: String? = nil, lastInboundAt: Date? = nil
    ) {
        self.ticket = ticket
        self.customerName = customerName
        self.customerPlan = customerPlan
        self.messageCount = messageCount
        self.lastInboundText = lastInboundText
        self.lastInboundAt = lastInboundAt
    }
}
