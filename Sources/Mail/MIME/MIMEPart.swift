/// One node of a message's MIME tree. Bodies are ranges into the (shared, never copied) message bytes, so
/// building the tree costs no payload copies; a body is decoded only when it is read.
struct MIMEPart {
    /// The bytes the ranges point into: the whole raw message, or the decoded body of an encoded
    /// `message/rfc822` part.
    let data: [UInt8]
    let headers: [EmailHeaderField]
    /// The effective content type: as declared when valid, else the default for its context.
    let contentType: MIMEHeaderValue
    let disposition: MIMEHeaderValue?
    /// Lower-cased `Content-Transfer-Encoding`, empty when absent.
    let transferEncoding: String
    let body: Range<Int>
    var children: [MIMEPart] = []
    /// The encapsulated message of a `message/rfc822` part (zero or one element).
    var embedded: [MIMEPart] = []
    /// The legacy charset the message's encoded-word headers use, if any: the best guess for a body
    /// whose declared charset is missing or plainly wrong (a windows-1256 body labelled UTF-8).
    var fallbackCharset: String?

    init(data: [UInt8], headers: [EmailHeaderField], defaultType: String, body: Range<Int>) {
        self.data = data
        self.headers = headers
        self.body = body
        var contentType = MIMEHeaderValue(value: defaultType)
        var disposition: MIMEHeaderValue?
        var transferEncoding = ""
        var sawContentType = false
        for field in headers {
            switch field.key {
            case "content-type" where !sawContentType:
                sawContentType = true
                let parsed = MIMEHeaderValue.parse(field.rawValue[...])
                if MIMEPart.isValidMediaType(parsed.value) {
                    contentType = parsed
                } else {
                    // RFC 2045 §5.2: an invalid type means text/plain, but keep the charset if any.
                    contentType = MIMEHeaderValue(value: "text/plain", parameters: parsed.parameters)
                }
            case "content-disposition" where disposition == nil:
                disposition = MIMEHeaderValue.parse(field.rawValue[...])
            case "content-transfer-encoding" where transferEncoding.isEmpty:
                let token = field.rawValue.prefix { $0 != ASCII.semicolon && $0 != ASCII.lparen }
                transferEncoding = ASCII.lowercasedString(token.filter { !ASCII.isWhitespace($0) && $0 != ASCII.quote })
            default:
                break
            }
        }
        self.contentType = contentType
        self.disposition = disposition
        self.transferEncoding = transferEncoding
    }

    static func isValidMediaType(_ value: String) -> Bool {
        guard let slash = value.firstIndex(of: "/") else { return false }
        return slash != value.startIndex && value.index(after: slash) != value.endIndex
    }

    var mainType: Substring { contentType.value.prefix { $0 != "/" } }
    var subType: Substring {
        guard let slash = contentType.value.firstIndex(of: "/") else { return "" }
        return contentType.value[contentType.value.index(after: slash)...]
    }
    var isMultipart: Bool { mainType == "multipart" }
    var isText: Bool { mainType == "text" }

    /// `Content-Disposition: attachment`, the only thing Python's `is_attachment()` looks at.
    var isAttachment: Bool { disposition?.value == "attachment" }

    var filename: String? {
        let name = disposition?.parameters["filename"] ?? contentType.parameters["name"]
        guard let name else { return nil }
        let trimmed = name.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    var contentID: String? {
        guard let field = headers.first(where: { $0.key == "content-id" }) else { return nil }
        return MessageIDList.messageID(field.rawValue[...])
    }

    var charset: String? { contentType.parameters["charset"] }

    /// The body after the transfer encoding is undone.
    func decodedBody() -> [UInt8] {
        data.withUnsafeBufferPointer { buf in
            let slice = UnsafeBufferPointer(rebasing: buf[body])
            switch transferEncoding {
            case "base64": return Base64Decoding.decode(slice)
            case "quoted-printable": return QuotedPrintable.decode(slice)
            default: return Array(slice)
            }
        }
    }

    /// The decoded size in bytes, without materialising a base64 payload.
    func decodedSize() -> Int {
        switch transferEncoding {
        case "base64":
            return data.withUnsafeBufferPointer { Base64Decoding.decodedCount(UnsafeBufferPointer(rebasing: $0[body])) }
        case "quoted-printable":
            return decodedBody().count
        default:
            return body.count
        }
    }

    /// The body as text in its declared charset (HTML bodies with no declared charset are sniffed for
    /// a `<meta charset>`).
    func decodedText() -> String {
        let bytes = decodedBody()
        var label = charset
        if label == nil, subType == "html" { label = HTMLCharsetSniffer.sniff(bytes) }
        return CharsetDecoder.decode(bytes, charset: label, fallback: fallbackCharset)
    }

    /// The same part read as a text/plain leaf (a multipart whose parts cannot be found).
    func readAsText() -> MIMEPart {
        var fields = headers.filter { $0.key != "content-type" }
        var value = Array("text/plain".utf8)
        if let charset { value += Array("; charset=\"\(charset)\"".utf8) }
        fields.append(EmailHeaderField(name: "Content-Type", rawValue: value))
        var part = MIMEPart(data: data, headers: fields, defaultType: "text/plain", body: body)
        part.fallbackCharset = fallbackCharset
        return part
    }
}
