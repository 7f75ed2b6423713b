/// Parses raw RFC 5322 / MIME messages. Pure: no IO, no global state, safe to call concurrently.
public enum EmailParser {
    /// Parses one raw message as it arrived (CRLF or LF). Broken MIME, unknown charsets and truncated
    /// parts are parsed as well as they can be.
    ///
    /// - Throws: `EmailParserError.noHeaderSection` only when the input has no header section at all.
    public static func parse(_ raw: [UInt8]) throws -> ParsedEmail {
        guard let root = MIMETreeParser.parseMessage(raw) else { throw EmailParserError.noHeaderSection }
        let headers = EmailHeaders(fields: root.headers)

        let from = mailboxes(headers, "from")
        let sender = preferred(from)
        let subject = headers.first("subject").map { $0.value }
        let body = BodyExtractor.extract(root)
        let newText = ReplyTextExtractor.newText(from: body.quoteSource)
        let reason = AutoReplyDetector.reason(
            headers: headers, contentType: root.contentType, fromAddress: sender?.address, subject: subject)
        let langSource = newText.isEmpty ? body.text : newText

        return ParsedEmail(
            fromAddress: sender.flatMap { $0.address.isEmpty ? nil : $0.address },
            fromName: sender?.name,
            replyTo: preferred(mailboxes(headers, "reply-to")).flatMap { $0.address.isEmpty ? nil : $0.address },
            toAddresses: mailboxes(headers, "to"),
            ccAddresses: mailboxes(headers, "cc"),
            subject: subject,
            messageID: headers.first("message-id").flatMap { MessageIDList.messageID($0.rawValue[...]) },
            inReplyTo: headers.first("in-reply-to").flatMap { MessageIDList.bracketed($0.rawValue[...]).first },
            references: headers.first("references").map { MessageIDList.bracketed($0.rawValue[...]) } ?? [],
            date: headers["date"].flatMap(EmailDateParser.parse),
            isAutoReply: reason != nil,
            autoReplyReason: reason,
            text: body.text,
            newText: newText,
            attachments: body.attachments,
            lang: MailLanguageGuess.guess(langSource),
            headers: headers
        )
    }

    /// Parses the text of a message (for tests and tools that hold a `String`).
    public static func parse(_ raw: String) throws -> ParsedEmail {
        try parse(Array(raw.utf8))
    }

    private static func mailboxes(_ headers: EmailHeaders, _ name: String) -> [EmailAddress] {
        guard let field = headers.first(name) else { return [] }
        return AddressListParser.parse(field.rawValue[...])
    }

    /// The first mailbox with an address (a stray unquoted comma can put a bare name first).
    private static func preferred(_ mailboxes: [EmailAddress]) -> EmailAddress? {
        mailboxes.first { $0.address.contains("@") } ?? mailboxes.first
    }
}
