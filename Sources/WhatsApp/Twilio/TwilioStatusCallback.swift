/// A Twilio status callback (`POST /webhooks/twilio/status`) for a message Switchboard sent.
public struct TwilioStatusCallback: Sendable, Hashable {
    /// The `sid` Twilio answered when the message was created.
    public let messageSid: String
    public let status: TwilioMessageStatus
    /// `ErrorCode`, when present and numeric (Twilio sends it with an empty `ErrorMessage` at times).
    public let errorCode: Int?
    public let errorMessage: String?
    /// `To` as sent: the customer's `whatsapp:+E164`.
    public let to: String?
    public let recipient: WhatsAppContactID?
    public let from: String?
    public let accountSid: String?

    /// Decodes the parameters. Throws when `MessageSid` is missing, or when neither `MessageStatus` nor
    /// its older copy `SmsStatus` is present.
    public init(parameters: [(String, String)]) throws(WhatsAppDecodingError) {
        let form = FormURLEncoded(pairs: parameters.map { (name: $0.0, value: $0.1) })
        func field(_ name: String) -> String? {
            form.first(name)?.nonBlank?.trimmingWhitespace()
        }
        guard let messageSid = field("MessageSid") ?? field("SmsSid") else {
            throw .missingField("MessageSid")
        }
        guard let status = field("MessageStatus") ?? field("SmsStatus") else {
            throw .missingField("MessageStatus")
        }
        self.messageSid = messageSid
        self.status = TwilioMessageStatus(rawValue: status)
        self.errorCode = field("ErrorCode").flatMap { Int($0) }
        self.errorMessage = field("ErrorMessage")
        self.to = field("To")
        self.recipient = field("To").flatMap { WhatsAppContactID($0) }
        self.from = field("From")
        self.accountSid = field("AccountSid")
    }

    /// Decodes a raw `application/x-www-form-urlencoded` body.
    public init(body: some Collection<UInt8>) throws(WhatsAppDecodingError) {
        try self.init(parameters: FormURLEncoded.decode(body).map { ($0.name, $0.value) })
    }

    /// The status in the `export` contract's terms.
    public var deliveryStatus: DeliveryStatus { DeliveryStatus(twilio: status) }

    /// The error in plain words, when its code is in the table.
    public var errorExplanation: WhatsAppErrorExplanation? { errorCode.flatMap { WhatsAppErrorExplanation.lookup($0) } }
}
