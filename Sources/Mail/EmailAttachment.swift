/// Metadata of one attachment. The content itself is not kept: Switchboard stores and routes text.
public struct EmailAttachment: Sendable, Equatable, Codable {
    /// Decoded file name (RFC 2231 or RFC 2047), falling back to the Content-Type `name`; `nil` if none.
    public var filename: String?
    /// Lower-case `type/subtype` as declared.
    public var contentType: String
    /// Bytes after the transfer decoding, line endings untouched.
    public var size: Int

    public init(filename: String?, contentType: String, size: Int) {
        self.filename = filename
        self.contentType = contentType
        self.size = size
    }

    enum CodingKeys: String, CodingKey {
        case filename
        case contentType = "content_type"
        case size
    }
}
