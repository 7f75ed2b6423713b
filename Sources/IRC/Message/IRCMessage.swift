/// One IRC line split into its atoms: `[@tags] [:source] COMMAND params…`.
///
/// A value carries no knowledge of how it was written on the wire: a trailing parameter means the same as
/// any other parameter, and a tag written `key`, `key=` or missing a value altogether all read as `""`.
public struct IRCMessage: Sendable, Hashable {
    /// Tag values, already unescaped. A valueless tag or `key=` is `""`.
    public var tags: [String: String]
    /// The source without its leading `:`, usually `nick!user@host` or a server name.
    public var source: String?
    /// The verb in ASCII upper case, or a three-digit numeric.
    public var command: String
    public var parameters: [String]

    public init(tags: [String: String] = [:], source: String? = nil, command: String, parameters: [String] = []) {
        self.tags = tags
        self.source = source
        self.command = command
        self.parameters = parameters
    }
}
