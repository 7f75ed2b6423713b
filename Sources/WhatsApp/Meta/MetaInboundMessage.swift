public import Foundation

/// One customer message from a Meta Cloud API notification, with its context joined in.
public struct MetaInboundMessage: Sendable, Hashable {
    /// The `wamid…`: the dedupe key and `provider_id`.
    public let id: String
    /// Meta's `timestamp` (when the customer sent it); nil only if Meta left it out or garbled it.
    public let timestamp: Date?
    /// The sender: the phone from `from`/`wa_id` when there is one, else the business-scoped user id.
    public let sender: WhatsAppContactID
    /// `from` as sent: the sender's phone digits without `+` (absent for a user hidden behind a username).
    public let from: String?
    /// The business-scoped user id (`from_user_id`, or the contact's `user_id`), when Meta sends one.
    public let userID: String?
    /// `contacts[].profile.name`, joined by `wa_id` (or `user_id`).
    public let profileName: String?
    /// `contacts[].profile.username`, when the customer has one.
    public let username: String?
    /// `type` as sent, such as `text`, `interactive` or a type added after this code was written.
    public let type: String
    public let content: MetaMessageContent
    /// `context.id`: the message this one replies to.
    public let replyToMessageID: String?
    public let isForwarded: Bool
    public let isFrequentlyForwarded: Bool
    public let referral: WhatsAppReferral?
    /// `errors[]`, present on `unsupported` messages.
    public let errors: [MetaError]
    /// `metadata.phone_number_id`: which business number received it.
    public let businessPhoneNumberID: String?
    public let businessDisplayPhoneNumber: String?
    /// `entry[].id`: the WhatsApp Business Account.
    public let businessAccountID: String?

    public init(
        id: String,
        timestamp: Date?,
        sender: WhatsAppContactID,
        from: String?,
        userID: String?,
        profileName: String?,
        username: String?,
        type: String,
        content: MetaMessageContent,
        replyToMessageID: String?,
        isForwarded: Bool,
        isFrequentlyForwarded: Bool,
        referral: WhatsAppReferral?,
        errors: [MetaError],
        businessPhoneNumberID: String?,
        businessDisplayPhoneNumber: String?,
        businessAccountID: String?
    ) {
        self.id = id
        self.timestamp = timestamp
        self.sender = sender
        self.from = from
        self.userID = userID
        self.profileName = profileName
        self.username = username
        self.type = type
        self.content = content
        self.replyToMessageID = replyToMessageID
        self.isForwarded = isForwarded
        self.isFrequentlyForwarded = isFrequentlyForwarded
        self.referral = referral
        self.errors = errors
        self.businessPhoneNumberID = businessPhoneNumberID
        self.businessDisplayPhoneNumber = businessDisplayPhoneNumber
        self.businessAccountID = businessAccountID
    }

    /// What triage reads; see `MetaMessageContent.triageText`.
    public var triageText: String { content.triageText }
}
