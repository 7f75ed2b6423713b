import Foundation
import IRC
import IRCClient

/// Identity comes from services (Atheme's NickServ). When they leave the network, agents already
/// logged in keep their account (the IRC server still vouches for it), but nobody can log in, so a
/// command from someone without an account is refused with the real reason, and the desk says when
/// services are back.
extension DeskBot {
    static let servicesDownRefusal =
        "I can't verify who you are: services (NickServ) are down, so nobody can log in right now. "
        + "Agents who were logged in before can carry on; try again once services are back (I'll say so here)."

    func servicesChanged(online: Bool) async {
        let previous = servicesOnline
        servicesOnline = online
        // The first answer after start-up (or a reconnect that finds things as they were) is not news.
        guard let previous, previous != online else { return }
        let text: IRCLine = online
            ? "services are back: logins work again (if your client did not log in by itself: /msg NickServ IDENTIFY)"
            : "services (NickServ) are down: I can't verify anyone who is not already logged in, so their commands wait until services return"
        for channel in settings.deskChannels {
            await output.say(text, to: channel, priority: .commandReply)
        }
    }
}
