/// Why a message could not be parsed at all. Everything short of "this is not a message" is parsed as
/// well as it can be instead of failing.
public struct EmailParserError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case noHeaderSection
    }

    private let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    /// The input has no header section (empty, or its first line is not a header field).
    public static let noHeaderSection = EmailParserError(.noHeaderSection)

    public var description: String {
        switch kind {
        case .noHeaderSection: "the input has no RFC 5322 header section"
        }
    }
}
