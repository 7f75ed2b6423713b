public import Foundation

/// One `statuses[]` entry: news about a message Switchboard sent.
public struct MetaStatusUpdate: Sendable, Hashable {
    /// The `wamid…` Meta answered when the message was sent.
    public let messageID: String
    public let status: MetaMessageStatus
    public let timestamp: Date?
    /// `recipient_id` (or `recipient_user_id`) normalised.
    public let recipient: WhatsAppContactID?
    public let recipientID: String?
    public let recipientUserID: String?
    public let conversationID: String?
    /// `pricing.category`, such as `service` or `marketing`.
    public let pricingCategory: String?
    public let errors: [MetaError]
    public let businessPhoneNumberID: String?
    public let businessAccountID: String?

    public init(
        messageID: String,
        status: MetaMessageStatus,
        timestamp: Date?,
        recipient: WhatsAppContactID?,
        recipientID: String?,
        recipientUserID: String?,
        conversationID: String?,
        pricingCategory: String?,
        errors: [MetaError],
        businessPhoneNumberID: String?,
        businessAccountID: String?
    ) {
        self.messageID = messageID
        self.status = status
        self.timestamp = timestamp
        self.recipient = recipient
        self.recipientID = recipientID
        self.recipientUserID = recipientUserID
        self.conversationID = conversationID
        self.pricingCategory = pricingCategory
        self.errors = errors
        self.businessPhoneNumberID = businessPhoneNumberID
        self.businessAccountID = businessAccountID
    }

    /// The status in the `export` contract's terms.
    public var deliveryStatus: DeliveryStatus { DeliveryStatus(meta: status) }
}
