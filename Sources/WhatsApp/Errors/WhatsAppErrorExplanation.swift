/// A provider error code in words an agent on IRC can act on.
///
/// Twilio's codes (5 digits) and Meta's Cloud API codes (6 digits) do not overlap, so one table serves
/// both. The table is small on purpose: these are the codes a support desk actually meets.
public struct WhatsAppErrorExplanation: Sendable, Hashable {
    public enum Provider: String, Sendable, Hashable {
        case twilio
        case meta
    }

    public let provider: Provider
    public let code: Int
    /// The provider's own name for the error.
    public let title: String
    /// What happened and what to do, for the agent.
    public let plainWords: String
    /// Sending the same message again later may work (rate limits, temporary failures).
    public let isRetryable: Bool
    /// Only an approved template can reach this customer now.
    public let needsTemplate: Bool

    /// The explanation for a code from either provider, or nil for a code not in the table.
    public static func lookup(_ code: Int) -> WhatsAppErrorExplanation? {
        table.first { $0.code == code }
    }

    /// The same, for a code as the provider wrote it (`"63016"`); nil when blank or not a number.
    public static func lookup(_ code: String?) -> WhatsAppErrorExplanation? {
        code.flatMap { Int($0.trimmingWhitespace()) }.flatMap { lookup($0) }
    }

    /// Every entry, Twilio's first.
    public static let table: [WhatsAppErrorExplanation] = [
        .init(
            .twilio, 63016, "Failed to send freeform message because you are outside the allowed window",
            "\(WhatsAppWindow.outsideWindowExplanation)",
            retryable: false, template: true
        ),
        .init(
            .twilio, 63018, "Rate limit exceeded for channel",
            "WhatsApp refused the message because this sender is sending too fast. Nothing reached the "
                + "customer; send it again in a few minutes.",
            retryable: true, template: false
        ),
        .init(
            .twilio, 63019, "Media message failed to send",
            "The attachment could not be fetched or is a format or size WhatsApp does not accept. "
                + "Voice notes in formats Twilio will not fetch cause this. Send the text alone, or a "
                + "supported file (JPEG, PNG, MP4, PDF, OGG/Opus audio).",
            retryable: false, template: false
        ),
        .init(
            .twilio, 63024, "Invalid message recipient",
            "That number cannot receive WhatsApp messages: it is not on WhatsApp or is written wrongly. "
                + "Check the number with the customer or use email.",
            retryable: false, template: false
        ),
        .init(
            .twilio, 63032, "User's number is part of an experiment",
            "Meta is holding back marketing templates to this customer as part of an experiment. Retrying "
                + "will not help; use a utility template, email, or wait for the customer to write.",
            retryable: false, template: false
        ),
        .init(
            .twilio, 21211, "Invalid 'To' phone number",
            "The customer's number is not a valid phone number. Check it is in full international form "
                + "(+ and country code).",
            retryable: false, template: false
        ),
        .init(
            .twilio, 21408, "Permission to send to this region has not been enabled",
            "The Twilio account is not allowed to send to the customer's country. An admin must enable "
                + "that region in Twilio's geographic permissions.",
            retryable: false, template: false
        ),
        .init(
            .twilio, 21610, "Attempt to send to unsubscribed recipient",
            "The customer opted out (replied STOP). Do not message them on this channel unless they opt "
                + "back in; use email if they agreed to it.",
            retryable: false, template: false
        ),
        .init(
            .meta, 131047, "Re-engagement message",
            "More than 24 hours have passed since the customer last wrote, so WhatsApp only accepts an "
                + "approved template. Send a template, or wait for the customer to write again.",
            retryable: false, template: true
        ),
        .init(
            .meta, 131026, "Message undeliverable",
            "WhatsApp could not deliver to this number: it may not be on WhatsApp, may not have accepted "
                + "the latest terms, or may run a very old app. Try email or ask the customer to update.",
            retryable: false, template: false
        ),
        .init(
            .meta, 131051, "Unsupported message type",
            "The customer sent something the Cloud API cannot pass on (such as a poll or a view-once "
                + "photo). Ask them to send it as a normal message.",
            retryable: false, template: false
        ),
        .init(
            .meta, 130429, "Rate limit hit",
            "The business number is sending faster than its throughput limit. Nothing was sent; it will "
                + "go through if sent again shortly.",
            retryable: true, template: false
        ),
        .init(
            .meta, 131056, "(Business account, consumer account) pair rate limit hit",
            "Too many messages went to this one customer in a short time. Wait a minute before sending "
                + "again, and combine short messages into one.",
            retryable: true, template: false
        ),
    ]

    private init(
        _ provider: Provider,
        _ code: Int,
        _ title: String,
        _ plainWords: String,
        retryable: Bool,
        template: Bool
    ) {
        self.provider = provider
        self.code = code
        self.title = title
        self.plainWords = plainWords
        self.isRetryable = retryable
        self.needsTemplate = template
    }
}
