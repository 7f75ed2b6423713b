public import Foundation
public import IRC

/// Remembers which services account each visible nick is logged in to.
///
/// Knowledge comes from extended-join, account-notify, WHOX replies and the `account` tag. It is dropped
/// the moment it may be stale: on `ACCOUNT *`, QUIT, NICK (until confirmed again) and when the user
/// leaves the last channel we share, because after that no server would tell us about a logout.
public struct AccountTracker: Sendable {
    private struct User: Sendable {
        var account: String?
        var channels: Set<String>
    }

    public private(set) var caseMapping: CaseMapping = .rfc1459
    private var users: [String: User] = [:]
    /// Nicks we share no channel with that wrote to us in private, with the account the server tagged
    /// and when: we never see such a nick change hands, so this vouches for it only briefly.
    private var directSenders: [String: (account: String, at: Date)] = [:]

    /// How long a private message's account tag vouches for a nick we share no channel with.
    public static let directSenderTrust: TimeInterval = 60

    public init() {}

    public mutating func setCaseMapping(_ mapping: CaseMapping) {
        guard mapping != caseMapping else { return }
        caseMapping = mapping
        users = Dictionary(users.map { (mapping.fold($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    private func key(_ nick: String) -> String { caseMapping.fold(nick) }

    /// The account for a nick, nil when unknown or logged out.
    public func account(of nick: String) -> String? {
        users[key(nick)]?.account
    }

    public func isKnown(_ nick: String) -> Bool { users[key(nick)] != nil }

    public mutating func joined(nick: String, channel: String, account: String??) {
        var user = users[key(nick)] ?? User(account: nil, channels: [])
        user.channels.insert(caseMapping.fold(channel))
        if let account { user.account = account }
        users[key(nick)] = user
    }

    public mutating func setAccount(nick: String, account: String?) {
        var user = users[key(nick)] ?? User(account: nil, channels: [])
        user.account = account
        users[key(nick)] = user
    }

    public mutating func parted(nick: String, channel: String) {
        guard var user = users[key(nick)] else { return }
        user.channels.remove(caseMapping.fold(channel))
        users[key(nick)] = user.channels.isEmpty ? nil : user
    }

    /// We left a channel: everybody we only knew from there becomes unknown.
    public mutating func weLeft(channel: String) {
        let folded = caseMapping.fold(channel)
        for (nick, var user) in users {
            user.channels.remove(folded)
            users[nick] = user.channels.isEmpty ? nil : user
        }
    }

    public mutating func quit(nick: String) {
        users[key(nick)] = nil
    }

    /// A nick change keeps channel membership but forgets the account until it is confirmed again.
    public mutating func renamed(from old: String, to new: String) {
        guard var user = users.removeValue(forKey: key(old)) else { return }
        user.account = nil
        users[key(new)] = user
    }

    public mutating func reset() {
        users = [:]
        directSenders = [:]
    }

    /// Records the account on a private message from a nick outside our channels.
    public mutating func sentDirectly(nick: String, account: String?, at now: Date) {
        let key = key(nick)
        guard users[key] == nil else { return }
        guard let account else {
            directSenders[key] = nil
            return
        }
        if directSenders.count >= 1_000 {
            directSenders = directSenders.filter { now.timeIntervalSince($0.value.at) < Self.directSenderTrust }
        }
        directSenders[key] = (account, now)
    }

    /// Where a line meant for `account` goes now: the nick it was addressed to while that nick is still
    /// on the account, else another nick we see on the account, else nowhere (nil).
    public func deliveryNick(for account: String, addressedTo nick: String, now: Date) -> String? {
        let wanted = account.lowercased()
        if let user = users[key(nick)] {
            if user.account?.lowercased() == wanted { return nick }
        } else if let direct = directSenders[key(nick)], direct.account.lowercased() == wanted,
                  now.timeIntervalSince(direct.at) < Self.directSenderTrust {
            return nick
        }
        return users.first { $0.value.account?.lowercased() == wanted }?.key
    }
}
