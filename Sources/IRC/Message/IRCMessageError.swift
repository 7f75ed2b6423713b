/// Why a line could not be parsed or a message could not be put on the wire.
///
/// A struct around a private enum, as Hummingbird does, so that new reasons can be added later without
/// breaking callers that `switch` over them.
public struct IRCMessageError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Reason: Hashable, Sendable {
        case emptyLine
        case missingCommand
        case emptySource
        case tagsTooLong
        case forbiddenCharacter
        case invalidCommand
        case invalidTagKey
        case invalidSource
        case invalidMiddleParameter
        case tooManyParameters
    }

    private let reason: Reason

    private init(_ reason: Reason) {
        self.reason = reason
    }

    /// The line was empty, or held nothing but spaces and line endings.
    public static let emptyLine = IRCMessageError(.emptyLine)
    /// Tags or a source were present, but no command followed.
    public static let missingCommand = IRCMessageError(.missingCommand)
    /// A `:` that announces a source was followed by nothing.
    public static let emptySource = IRCMessageError(.emptySource)
    /// The tag section is longer than the parser accepts (8191 bytes) or the serialiser may send (4094 bytes).
    public static let tagsTooLong = IRCMessageError(.tagsTooLong)
    /// CR, LF or NUL inside a line, a parameter, the source or a tag key: it would start a second command.
    public static let forbiddenCharacter = IRCMessageError(.forbiddenCharacter)
    /// The command is neither letters only nor a three-digit numeric.
    public static let invalidCommand = IRCMessageError(.invalidCommand)
    /// A tag key is empty or holds characters outside `[+][vendor/]name` (letters, digits, `-`, `.`).
    public static let invalidTagKey = IRCMessageError(.invalidTagKey)
    /// The source is empty or contains a space.
    public static let invalidSource = IRCMessageError(.invalidSource)
    /// A parameter that is not the last one is empty, contains a space or starts with `:`.
    public static let invalidMiddleParameter = IRCMessageError(.invalidMiddleParameter)
    /// More than 15 parameters.
    public static let tooManyParameters = IRCMessageError(.tooManyParameters)

    public var description: String {
        switch reason {
        case .emptyLine: "empty line"
        case .missingCommand: "missing command"
        case .emptySource: "empty source"
        case .tagsTooLong: "tag section too long"
        case .forbiddenCharacter: "CR, LF or NUL where it is not allowed"
        case .invalidCommand: "invalid command"
        case .invalidTagKey: "invalid tag key"
        case .invalidSource: "invalid source"
        case .invalidMiddleParameter: "a middle parameter is empty, contains a space or starts with ':'"
        case .tooManyParameters: "more than 15 parameters"
        }
    }
}
