/// What the server announced in its EHLO reply (RFC 5321 §4.1.1.1): one keyword per line after the
/// greeting line, with optional parameters.
struct SMTPCapabilities: Sendable, Hashable {
    /// Upper-cased keyword → its parameters as written.
    private(set) var keywords: [String: [String]] = [:]

    init(ehloReply reply: SMTPReply) {
        for line in reply.lines.dropFirst() {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard var keyword = parts.first?.uppercased() else { continue }
            var parameters = Array(parts.dropFirst())
            // Some servers still write the pre-standard `AUTH=LOGIN PLAIN`.
            if keyword.hasPrefix("AUTH=") {
                parameters.insert(String(keyword.dropFirst(5)), at: 0)
                keyword = "AUTH"
            }
            keywords[keyword, default: []] += parameters
        }
    }

    var startTLS: Bool { keywords["STARTTLS"] != nil }
    var eightBitMIME: Bool { keywords["8BITMIME"] != nil }
    var smtpUTF8: Bool { keywords["SMTPUTF8"] != nil }

    /// The announced SIZE limit in octets (RFC 1870). `SIZE` without a number or `SIZE 0` announces
    /// the extension without a fixed limit.
    var sizeLimit: Int? {
        guard let value = keywords["SIZE"]?.first, let limit = Int(value), limit > 0 else { return nil }
        return limit
    }

    var supportsSize: Bool { keywords["SIZE"] != nil }

    var authMechanisms: Set<String> {
        Set((keywords["AUTH"] ?? []).map { $0.uppercased() })
    }
}
