/// Where a conversation started when the customer tapped a Click-to-WhatsApp ad or a post.
///
/// It arrives only on the first message after the click. Twilio flattens it into `Referral…`
/// parameters; Meta nests it under `referral`.
public struct WhatsAppReferral: Sendable, Hashable {
    public var sourceURL: String?
    public var sourceID: String?
    /// `ad` or `post`.
    public var sourceType: String?
    public var headline: String?
    public var body: String?
    /// Meta's `media_type`, Twilio's `ReferralMediaContentType`.
    public var mediaType: String?
    /// Meta's `image_url`/`video_url`, Twilio's `ReferralMediaUrl`.
    public var mediaURL: String?
    /// Twilio's `ReferralMediaId`.
    public var mediaID: String?
    public var thumbnailURL: String?
    /// The ad click id, for conversion reporting.
    public var ctwaClid: String?

    public init(
        sourceURL: String? = nil,
        sourceID: String? = nil,
        sourceType: String? = nil,
        headline: String? = nil,
        body: String? = nil,
        mediaType: String? = nil,
        mediaURL: String? = nil,
        mediaID: String? = nil,
        thumbnailURL: String? = nil,
        ctwaClid: String? = nil
    ) {
        self.sourceURL = sourceURL
        self.sourceID = sourceID
        self.sourceType = sourceType
        self.headline = headline
        self.body = body
        self.mediaType = mediaType
        self.mediaURL = mediaURL
        self.mediaID = mediaID
        self.thumbnailURL = thumbnailURL
        self.ctwaClid = ctwaClid
    }

    /// True when no field is set, so an all-empty set of parameters is no referral at all.
    var isEmpty: Bool {
        [sourceURL, sourceID, sourceType, headline, body, mediaType, mediaURL, mediaID, thumbnailURL, ctwaClid]
            .allSatisfy { $0 == nil }
    }
}
