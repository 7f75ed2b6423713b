import Hummingbird

/// Why a webhook request is answered with something other than 200, in the order DESIGN.md's "HTTP
/// answers" checks them: size (413), signature (403), parsing (400), commit (503).
///
/// A storage failure is 503, never 500: nothing was acknowledged and the transaction left no partial
/// state, so the right thing for the provider is to retry later, and 503 is what makes it retry.
enum WebhookRefusal: Error {
    case notConfigured
    case tooLarge
    case badSignature
    /// A missing or wrong bearer token (the email endpoint).
    case unauthorized
    case malformed(String)
    case storageUnavailable(any Error)

    var status: HTTPResponse.Status {
        switch self {
        case .notConfigured: .notFound
        case .tooLarge: .contentTooLarge
        case .badSignature: .forbidden
        case .unauthorized: .unauthorized
        case .malformed: .badRequest
        case .storageUnavailable: .serviceUnavailable
        }
    }

    /// The metrics label; nil for an endpoint that is not configured (it is not a webhook at all).
    var rejection: WebhookMetrics.Rejection? {
        switch self {
        case .notConfigured: nil
        case .tooLarge: .tooLarge
        case .badSignature: .signature
        case .unauthorized: .unauthorized
        case .malformed: .malformed
        case .storageUnavailable: .storage
        }
    }

    /// A short plain-text body. It never echoes the request: a provider's dashboard shows it, and the
    /// reason for a parse failure is enough to fix a sender without repeating the customer's words.
    var response: Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8"]
        let text: String
        switch self {
        case .notConfigured: text = "not configured"
        case .tooLarge: text = "body too large"
        case .badSignature: text = "invalid signature"
        case .unauthorized:
            text = "missing or invalid bearer token"
            headers[.wwwAuthenticate] = "Bearer"
        case .malformed(let reason): text = "malformed request: \(reason)"
        case .storageUnavailable:
            text = "temporarily unavailable, retry later"
            headers[.retryAfter] = "5"
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}
