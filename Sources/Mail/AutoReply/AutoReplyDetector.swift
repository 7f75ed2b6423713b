/// Decides whether a message was sent by a machine, and names the first signal found.
///
/// The order is fixed (it is the contract's): a delivery-status report, a mailer-daemon/postmaster
/// sender, `Auto-Submitted` other than `no` (RFC 3834), `X-Autoreply`, `X-Autorespond`, `Precedence:
/// bulk|junk|auto_reply`, `X-Auto-Response-Suppress`, and last an auto-reply subject prefix. Body wording
/// is never a signal: people write "I was out of office" too.
enum AutoReplyDetector {
    static func reason(headers: EmailHeaders, contentType: MIMEHeaderValue, fromAddress: String?, subject: String?) -> String? {
        if contentType.value == "multipart/report",
           contentType.parameters["report-type"]?.lowercased().trimmingWhitespace() == "delivery-status" {
            return "bounce: delivery-status"
        }
        if let fromAddress {
            let local = fromAddress.split(separator: "@", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            if local == "mailer-daemon" || local == "postmaster" || local.hasPrefix("mailer-daemon") {
                return "bounce: mailer-daemon"
            }
        }
        if let field = headers.first("auto-submitted") {
            let value = firstToken(field.rawValue)
            if !value.isEmpty, value != "no" { return "auto-submitted: \(value)" }
        }
        if headers.contains("x-autoreply") { return "x-autoreply" }
        if headers.contains("x-autorespond") { return "x-autorespond" }
        if let field = headers.first("precedence") {
            let value = firstToken(field.rawValue)
            if value == "bulk" || value == "junk" || value == "auto_reply" || value == "auto-reply" {
                return "precedence: \(value)"
            }
        }
        if headers.contains("x-auto-response-suppress") { return "x-auto-response-suppress" }
        if let subject, let prefix = subjectPrefix(subject) { return "subject: \(prefix)" }
        return nil
    }

    /// The lower-cased value up to a parameter or comment: `auto-replied; owner-email=…` → `auto-replied`.
    private static func firstToken(_ raw: [UInt8]) -> String {
        var token: [UInt8] = []
        for b in raw {
            if b == ASCII.semicolon || b == ASCII.lparen { break }
            if !ASCII.isWhitespace(b), b != ASCII.quote { token.append(ASCII.lower(b)) }
        }
        return String(decoding: token, as: UTF8.self)
    }

    /// The auto-reply prefix the subject starts with, as written in the subject, or `nil`.
    static func subjectPrefix(_ subject: String) -> String? {
        let trimmed = Substring(subject.trimmingWhitespace())
        let norm = ReplyTextExtractor.normalized(trimmed)
        guard let colon = norm.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let head = String(norm[..<colon]).trimmingWhitespace()
        guard !head.isEmpty, AutoReplySubjectPrefixes.all.contains(head) else { return nil }
        // Report the prefix in the subject's own spelling.
        if let originalColon = trimmed.firstIndex(where: { $0 == ":" || $0 == "：" }) {
            let original = String(trimmed[..<originalColon]).trimmingWhitespace()
            if !original.isEmpty { return original }
        }
        return head
    }
}
