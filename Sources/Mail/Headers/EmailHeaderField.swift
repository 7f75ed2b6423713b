/// One header field as it appeared in the message: its name as written and its unfolded raw value.
public struct EmailHeaderField: Sendable, Equatable {
    /// The name as written (`Subject`, `SUBJECT`, `message-id` …).
    public let name: String
    /// The value's bytes after unfolding (line breaks removed, folding whitespace kept), trimmed.
    public let rawValue: [UInt8]
    /// The lower-cased name, for case-insensitive lookup.
    let key: String

    init(name: String, rawValue: [UInt8]) {
        self.name = name
        self.rawValue = rawValue
        self.key = name.lowercased()
    }

    /// The value as text: RFC 2047 encoded words decoded, raw 8-bit text read as UTF-8 (or windows-1252
    /// when it is not valid UTF-8), tabs turned into spaces.
    public var value: String {
        EncodedWordDecoder.decodeUnstructured(rawValue[...])
    }
}
