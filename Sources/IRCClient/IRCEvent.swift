public import Foundation

/// What the application hears from the network. Identity travels with every message so that no
/// consumer is ever tempted to authorise on a nick.
public enum IRCEvent: Sendable, Equatable {
    /// Registration finished (001 received, SASL done if configured).
    case registered(nick: String, server: String)
    case joined(channel: String)
    case kicked(channel: String, by: String, reason: String)
    case message(IRCChatMessage)
    /// Someone we shared a channel with left the network; any rights they had are gone with them.
    case userQuit(nick: String, reason: String)
    /// SASL was configured and the server refused the credentials. Before registration the connection is
    /// dropped, never used unauthenticated; a late login (after a services outage) leaves it logged out.
    case saslFailed(reason: String)
    /// SASL is configured but the server does not offer it now (services unlinked): registered without
    /// logging in; the login follows when the server offers SASL again.
    case loginDeferred(reason: String)
    /// A login that had to wait for services succeeded.
    case loggedIn(account: String)
    /// The services nick (NickServ) came or went, as MONITOR reports it: while it is away nobody can log
    /// in, so a sender without an account may simply be unable to prove who they are.
    case servicesChanged(online: Bool)
    case disconnected(reason: String)
}

public struct IRCChatMessage: Sendable, Equatable {
    /// The channel for channel messages; nil for a direct message to the bot.
    public var channel: String?
    public var senderNick: String
    /// The sender's services account from the message's `account` tag or the tracker; nil when unknown
    /// or not logged in.
    public var senderAccount: String?
    public var text: String
    /// Server time when the server supplied it, otherwise the time the line was read.
    public var time: Date
    public var messageID: String?
    public var isNotice: Bool

    public init(channel: String?, senderNick: String, senderAccount: String?, text: String, time: Date,
                messageID: String? = nil, isNotice: Bool = false) {
        self.channel = channel
        self.senderNick = senderNick
        self.senderAccount = senderAccount
        self.text = text
        self.time = time
        self.messageID = messageID
        self.isNotice = isNotice
    }

    /// Where a reply to this message belongs: the channel, or the sender's query.
    public var replyTarget: String { channel ?? senderNick }
}
