/// Text after normalisation: tokens separated by single spaces, with a space at both ends, so that a
/// word boundary is always a space and substring search can express "starts a word" as a leading space.
public struct NormalizedText: Sendable, Hashable {
    /// Unicode scalar values of `" tok tok … "`.
    public internal(set) var scalars: [UInt32]
    /// Tokens as half-open ranges into `scalars`.
    var tokens: [TokenSpan]
    public internal(set) var profile: ScriptProfile
    /// True when the input was longer than the normaliser's limit and only its start was kept.
    public internal(set) var isTruncated: Bool
    /// Count of `!` in the original text (before runs were shortened), an urgency cue.
    public internal(set) var exclamationCount: Int
    /// Letters in upper case in the original text, and all cased letters, for shouting detection.
    public internal(set) var upperCaseLetters: Int
    public internal(set) var casedLetters: Int

    public var string: String {
        var result = String.UnicodeScalarView()
        for value in scalars {
            if let scalar = Unicode.Scalar(value) { result.append(scalar) }
        }
        return String(result).trimmingSpaces()
    }

    /// Tokens as strings, for tests and debugging.
    public var tokenStrings: [String] {
        tokens.map { span in
            var view = String.UnicodeScalarView()
            for i in span.start..<span.end {
                if let scalar = Unicode.Scalar(scalars[i]) { view.append(scalar) }
            }
            return String(view)
        }
    }
}

struct TokenSpan: Sendable, Hashable {
    enum Kind: UInt8, Sendable {
        case word
        case number
        case emoji
        case punctuation
        case symbol
    }

    var start: Int
    var end: Int
    var kind: Kind
}
