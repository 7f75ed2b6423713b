/// An attachment in a Meta message: its media id (fetched later through the Graph API) and metadata.
public struct MetaMedia: Sendable, Hashable {
    public var id: String?
    public var mimeType: String?
    public var sha256: String?
    public var caption: String?
    /// Present in some newer payloads; still needs the access token to fetch.
    public var url: String?

    public init(id: String? = nil, mimeType: String? = nil, sha256: String? = nil, caption: String? = nil, url: String? = nil) {
        self.id = id
        self.mimeType = mimeType
        self.sha256 = sha256
        self.caption = caption
        self.url = url
    }

    init(_ json: JSONValue) {
        self.init(
            id: json["id"]?.text,
            mimeType: json["mime_type"]?.text,
            sha256: json["sha256"]?.text,
            caption: json["caption"]?.string?.nonBlank,
            url: json["url"]?.text
        )
    }
}
