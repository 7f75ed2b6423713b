/// Metadata about one attachment. Bytes are never stored in the database: media lives at the
/// provider (Twilio/Meta URLs) or in the original email, and tickets only need to say what was sent.
public struct AttachmentInfo: Sendable, Hashable, Codable {
    public var filename: String?
    public var contentType: String
    public var size: Int?
    /// Where the provider keeps the media (Twilio `MediaUrl0`, Meta media id), when there is one.
    public var url: String?

    public init(filename: String? = nil, contentType: String, size: Int? = nil, url: String? = nil) {
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.url = url
    }

    enum CodingKeys: String, CodingKey {
        case filename
        case contentType = "content_type"
        case size
        case url
    }
}
