import Hummingbird

/// Reads a webhook body within its limit: the first check of every webhook.
enum WebhookBody {
    /// Refuses a request whose `Content-Length` already says it is over `limit`, without reading a byte.
    /// An endpoint that authenticates from the headers alone (the email bearer token) calls this, then
    /// checks the token, and only then ``collect(_:limit:)``: DESIGN's order (413 before 401) holds for
    /// what the headers declare, and nobody without the token gets us to read 25 MiB.
    static func refuseDeclaredOversize(_ request: Request, limit: Int) throws(WebhookRefusal) {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw .tooLarge
        }
    }

    /// The whole body, or `.tooLarge` when `Content-Length` already says it is over `limit` (refused
    /// before reading a byte) or when more than `limit` bytes arrive (chunked or lying senders).
    static func collect(_ request: Request, limit: Int) async throws(WebhookRefusal) -> [UInt8] {
        try refuseDeclaredOversize(request, limit: limit)
        do {
            var buffer = try await request.body.collect(upTo: limit)
            return buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            // NIO's `NIOTooManyBytesError`, which Hummingbird already maps to 413.
            throw .tooLarge
        } catch {
            // The client went away mid-body: nothing to store and nobody to answer.
            throw .malformed("the body could not be read")
        }
    }
}
