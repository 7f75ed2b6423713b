import WhatsApp

/// What the HTTP layer needs from the config, and nothing else: the handlers never see IRC or SMTP
/// secrets, and tests build one without writing a YAML file.
struct WebhookServerSettings: Sendable {
    struct Twilio: Sendable {
        var authToken: String
        /// `whatsapp.twilio.from`: the numbers whose messages and statuses are ours.
        var numbers: [String]
    }

    struct Meta: Sendable {
        var appSecret: String
        var verifyToken: String
        /// `whatsapp.meta.phone_number_id`: the numbers whose messages and statuses are ours.
        var phoneNumberIDs: [String]
    }

    var host: String
    var port: Int
    /// `http.public_url` without a trailing slash: what providers call, and what Twilio signs.
    var publicURL: String
    /// `http.webhook_body_limit`: the largest Twilio or Meta body accepted (1 MiB by default).
    var webhookBodyLimit: Int
    /// Nil when `whatsapp.twilio` is not configured: its endpoints answer 404.
    var twilio: Twilio?
    /// Nil when `whatsapp.meta` is not configured: its endpoints answer 404.
    var meta: Meta?
    /// The bearer token for `POST /webhooks/email`; nil leaves the endpoint unconfigured (404).
    var emailToken: String?
    var emailBodyLimit: Int = 25 << 20

    /// The business numbers the webhooks accept; messages and statuses for any other are ignored.
    var numbers: BusinessNumbers {
        BusinessNumbers(twilio: twilio?.numbers ?? [], meta: meta?.phoneNumberIDs ?? [])
    }

    init(host: String = "127.0.0.1", port: Int = 0, publicURL: String, webhookBodyLimit: Int = 1 << 20, twilio: Twilio?, meta: Meta?) {
        self.host = host
        self.port = port
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.webhookBodyLimit = webhookBodyLimit
        self.twilio = twilio
        self.meta = meta
    }

    init(config: SwitchboardConfig) {
        self.init(
            host: config.http.host, port: config.http.port, publicURL: config.http.publicURL,
            webhookBodyLimit: config.http.webhookBodyLimit,
            twilio: config.twilio.map { Twilio(authToken: $0.authToken, numbers: $0.numbers) },
            meta: config.meta.map { Meta(appSecret: $0.appSecret, verifyToken: $0.verifyToken, phoneNumberIDs: $0.phoneNumberIDs) })
        emailToken = config.email?.inboundToken
        emailBodyLimit = config.http.emailBodyLimit
    }
}
