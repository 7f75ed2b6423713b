import Foundation
import IRCClient
import Testing

/// A DM reply that waited in the queue goes to the account it was for, never to whoever holds the nick
/// by the time it leaves.
@Suite("AccountTracker delivery")
struct AccountTrackerDeliveryTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("the nick still on the account gets it; after a nick change the account's new nick does")
    func followsTheAccount() {
        var tracker = AccountTracker()
        tracker.joined(nick: "aisha", channel: "#support", account: "aisha")
        #expect(tracker.deliveryNick(for: "aisha", addressedTo: "aisha", now: Self.now) == "aisha")
        tracker.renamed(from: "aisha", to: "aisha_away")
        tracker.setAccount(nick: "aisha_away", account: "aisha")
        tracker.joined(nick: "aisha", channel: "#support", account: "mallory")
        #expect(tracker.deliveryNick(for: "aisha", addressedTo: "aisha", now: Self.now) == "aisha_away")
    }

    @Test("a nick whose account logged out, with the account nowhere else, gets nothing")
    func dropsWhenTheAccountIsGone() {
        var tracker = AccountTracker()
        tracker.joined(nick: "aisha", channel: "#support", account: "aisha")
        tracker.setAccount(nick: "aisha", account: nil)
        #expect(tracker.deliveryNick(for: "aisha", addressedTo: "aisha", now: Self.now) == nil)
        tracker.quit(nick: "aisha")
        #expect(tracker.deliveryNick(for: "aisha", addressedTo: "aisha", now: Self.now) == nil)
    }

    @Test("a private message vouches for a nick outside our channels, briefly")
    func directSenders() {
        var tracker = AccountTracker()
        tracker.sentDirectly(nick: "Aisha", account: "aisha", at: Self.now)
        #expect(tracker.deliveryNick(for: "AISHA", addressedTo: "aisha", now: Self.now.addingTimeInterval(5)) == "aisha")
        #expect(tracker.deliveryNick(for: "aisha", addressedTo: "aisha", now: Self.now.addingTimeInterval(AccountTracker.directSenderTrust + 1)) == nil)
        tracker.sentDirectly(nick: "aisha", account: nil, at: Self.now)
        #expect(tracker.deliveryNick(for: "aisha", addressedTo: "aisha", now: Self.now) == nil, "a later message without the account revokes it")
    }
}
