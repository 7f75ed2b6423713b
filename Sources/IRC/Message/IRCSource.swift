/// A message source split into `nick!user@host`.
///
/// Splitting works on bytes at the first `@` and the first `!` before it, and never validates: servers send
/// vhosts with odd characters, even formatting codes, and a client must take them as they come.
public struct IRCSource: Sendable, Hashable, CustomStringConvertible {
    /// The nick, or the whole source when it is a server name.
    public var nick: String
    public var user: String?
    public var host: String?

    public init(nick: String, user: String? = nil, host: String? = nil) {
        self.nick = nick
        self.user = user
        self.host = host
    }

    public init(_ raw: some StringProtocol) {
        let bytes = Array(raw.utf8)
        var nickAndUser = bytes[...]
        if let at = bytes.firstIndex(of: ASCII.at) {
            host = String(decoding: bytes[(at + 1)...], as: UTF8.self)
            nickAndUser = bytes[..<at]
        } else {
            host = nil
        }
        if let bang = nickAndUser.firstIndex(of: ASCII.bang) {
            nick = String(decoding: nickAndUser[..<bang], as: UTF8.self)
            user = String(decoding: nickAndUser[(bang + 1)...], as: UTF8.self)
        } else {
            nick = String(decoding: nickAndUser, as: UTF8.self)
            user = nil
        }
    }

    /// `nick!user@host`, leaving out the parts that are absent.
    public var description: String {
        var text = nick
        if let user { text += "!" + user }
        if let host { text += "@" + host }
        return text
    }
}
