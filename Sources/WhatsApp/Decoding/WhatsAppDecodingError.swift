/// Why a webhook body could not be decoded; the HTTP layer answers 400 for every one of them.
///
/// A struct around a private enum, as Hummingbird does, so that new reasons can be added without
/// breaking callers that switch on nothing and only log `description`.
public struct WhatsAppDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Reason: Sendable, Hashable {
        case invalidPercentEscape(offset: Int)
        case invalidUTF8(field: String)
        case missingField(String)
        case malformedJSON(String)
        case unexpectedShape(String)
    }

    private let reason: Reason

    private init(_ reason: Reason) {
        self.reason = reason
    }

    /// A `%` not followed by two hexadecimal digits, at byte `offset` of the body.
    public static func invalidPercentEscape(offset: Int) -> Self { Self(.invalidPercentEscape(offset: offset)) }
    /// A name or value whose decoded bytes are not UTF-8.
    public static func invalidUTF8(field: String) -> Self { Self(.invalidUTF8(field: field)) }
    /// A field the message cannot be stored without, such as `MessageSid` or `From`.
    public static func missingField(_ name: String) -> Self { Self(.missingField(name)) }
    /// The body is not JSON at all.
    public static func malformedJSON(_ detail: String) -> Self { Self(.malformedJSON(detail)) }
    /// The JSON parses but is not shaped like the notification it claims to be.
    public static func unexpectedShape(_ detail: String) -> Self { Self(.unexpectedShape(detail)) }

    public var description: String {
        switch reason {
        case .invalidPercentEscape(let offset): "invalid percent escape at byte \(offset)"
        case .invalidUTF8(let field): "\(field) is not valid UTF-8"
        case .missingField(let name): "missing required field \(name)"
        case .malformedJSON(let detail): "malformed JSON: \(detail)"
        case .unexpectedShape(let detail): "unexpected payload shape: \(detail)"
        }
    }
}
