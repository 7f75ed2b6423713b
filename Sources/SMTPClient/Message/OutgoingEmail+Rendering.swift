extension OutgoingEmail {
    /// The message as RFC 5322 octets. `eightBit` says whether the server offered 8BITMIME; without it a
    /// non-ASCII body goes as quoted-printable.
    public func rendered(eightBit: Bool) -> [UInt8] {
        rendering(eightBit: eightBit).bytes
    }

    /// The message as RFC 5322 octets, with the body encoding chosen and whether SMTPUTF8 is needed.
    public func rendering(eightBit: Bool) -> RenderedEmail {
        let body = Self.normalizedBody(body)
        let encoding = Self.transferEncoding(for: body, eightBit: eightBit)

        var output: [UInt8] = []
        output += HeaderFolder.field("Date", tokens: [RFC5322Date.format(date)])
        output += HeaderFolder.field("From", tokens: Self.addressTokens([from]))
        if !to.isEmpty { output += HeaderFolder.field("To", tokens: Self.addressTokens(to)) }
        if !cc.isEmpty { output += HeaderFolder.field("Cc", tokens: Self.addressTokens(cc)) }
        output += HeaderFolder.field("Subject", tokens: EncodedWordEncoder.unstructuredTokens(subject))
        if let id = MessageIDRules.normalized(messageID) {
            output += HeaderFolder.field("Message-ID", tokens: ["<\(id)>"])
        }
        let parent = inReplyTo.flatMap { MessageIDRules.normalized($0, requireAt: false) }
        if let parent {
            output += HeaderFolder.field("In-Reply-To", tokens: ["<\(parent)>"])
        }
        var thread = references.compactMap { MessageIDRules.normalized($0, requireAt: false) }
        if let parent, !thread.contains(parent) { thread.append(parent) }
        if !thread.isEmpty {
            output += HeaderFolder.field("References", tokens: thread.map { "<\($0)>" })
        }
        if isAutoReply {
            output += HeaderFolder.field("Auto-Submitted", tokens: ["auto-replied"])
        }
        for header in extraHeaders where header.isUsable {
            output += HeaderFolder.field(header.name, tokens: EncodedWordEncoder.unstructuredTokens(header.value))
        }
        output += HeaderFolder.field("MIME-Version", tokens: ["1.0"])
        output += HeaderFolder.field("Content-Type", tokens: ["text/plain;", "charset=utf-8"])
        output += HeaderFolder.field("Content-Transfer-Encoding", tokens: [encoding.rawValue])
        output += ASCIIBytes.crlf
        output += encoding == .quotedPrintable ? QuotedPrintableEncoder.encode(body) : body

        let requiresSMTPUTF8 = !([from] + recipients).allSatisfy(\.isASCII)
        return RenderedEmail(bytes: output, bodyEncoding: encoding, requiresSMTPUTF8: requiresSMTPUTF8)
    }

    /// The body as UTF-8 with CRLF line breaks (from CRLF, LF or a lone CR), ending with CRLF unless it is
    /// empty. Lone CR and LF are not allowed in an SMTP message body (RFC 5321 §2.3.8).
    static func normalizedBody(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count + utf8.count / 32 + 2)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == ASCIIBytes.cr {
                output += ASCIIBytes.crlf
                index += (index + 1 < utf8.count && utf8[index + 1] == ASCIIBytes.lf) ? 2 : 1
            } else if byte == ASCIIBytes.lf {
                output += ASCIIBytes.crlf
                index += 1
            } else {
                output.append(byte)
                index += 1
            }
        }
        if !output.isEmpty && output.last != ASCIIBytes.lf { output += ASCIIBytes.crlf }
        return output
    }

    /// 7bit when it is ASCII, 8bit when the server allows it, quoted-printable otherwise or whenever a line
    /// would pass 998 octets or a NUL would have to be sent (both forbidden even with 8BITMIME).
    static func transferEncoding(for body: [UInt8], eightBit: Bool) -> BodyTransferEncoding {
        var lineLength = 0
        var longest = 0
        var hasNUL = false
        var hasHighBit = false
        for byte in body {
            if byte == ASCIIBytes.lf {
                longest = max(longest, lineLength - 1)
                lineLength = 0
                continue
            }
            lineLength += 1
            if byte == 0 { hasNUL = true }
            if byte >= 0x80 { hasHighBit = true }
        }
        longest = max(longest, lineLength)
        if hasNUL || longest > 998 { return .quotedPrintable }
        if hasHighBit { return eightBit ? .eightBit : .quotedPrintable }
        return .sevenBit
    }

    /// `name <address>` entries separated by commas, as foldable tokens.
    static func addressTokens(_ mailboxes: [Mailbox]) -> [String] {
        var tokens: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            var entry = EncodedWordEncoder.phraseTokens(mailbox.name ?? "")
            entry.append("<\(mailbox.address)>")
            if index < mailboxes.count - 1 { entry[entry.count - 1] += "," }
            tokens += entry
        }
        return tokens
    }
}
