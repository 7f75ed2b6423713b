/// An entry of Meta's `errors[]`, on a failed status or an unsupported message.
public struct MetaError: Sendable, Hashable {
    public var code: Int?
    public var title: String?
    public var message: String?
    /// `error_data.details`: the most specific text Meta gives.
    public var details: String?
    public var href: String?

    public init(code: Int?, title: String?, message: String? = nil, details: String? = nil, href: String? = nil) {
        self.code = code
        self.title = title
        self.message = message
        self.details = details
        self.href = href
    }

    init(_ json: JSONValue) {
        self.init(
            code: json["code"]?.int,
            title: json["title"]?.text,
            message: json["message"]?.text,
            details: json["error_data"]?["details"]?.text,
            href: json["href"]?.text
        )
    }

    /// The error in plain words, when its code is in the table.
    public var explanation: WhatsAppErrorExplanation? { code.flatMap { WhatsAppErrorExplanation.lookup($0) } }
}
