public import Foundation

extension IRCMessage {
    /// The nick part of the source; for a server source this is the server name.
    public var sourceNick: String? {
        source.map { IRCSource($0).nick }
    }

    /// When the server says the event happened (IRCv3 `server-time`), or `nil` if the tag is absent or
    /// malformed.
    public var serverTime: Date? {
        tags["time"].flatMap(IRCServerTime.date(from:))
    }

    /// The services account of the sender (IRCv3 `account-tag`).
    ///
    /// An empty value or `*` reads as `nil`: the caller authorises on this, and "no account" must never
    /// look like an account name.
    public var account: String? {
        guard let value = tags["account"], !value.isEmpty, value != "*" else { return nil }
        return value
    }

    /// The IRCv3 `msgid` tag, used as the target of `+reply` and `+draft/react`.
    public var messageID: String? {
        guard let value = tags["msgid"], !value.isEmpty else { return nil }
        return value
    }

    /// True for the three-digit replies, such as `001` or `005`.
    public var isNumeric: Bool {
        command.utf8.count == 3 && command.utf8.allSatisfy(ASCII.isDigit)
    }
}
