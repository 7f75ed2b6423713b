import IRC
import IRCClient

/// Where the desk's words go. The IRC client in production; a recorder in tests of the desk logic.
///
/// It takes ``IRCLine``s only, never strings: a line can only be built with outside text sanitised, so
/// no command, card or digest can forget to.
protocol ChatOutput: Sendable {
    /// - Parameter account: for a reply in a private message, the services account it is meant for; the
    ///   line follows the account, not the nick (see ``IRCClient/send(_:to:priority:notice:account:)``).
    func say(_ line: IRCLine, to target: String, priority: OutboundPriority, account: String?) async
    /// Lines waiting to leave at `priority` or more urgent; the desk holds cards back while it is high.
    func backlog(atMost priority: OutboundPriority) async -> Int
}

extension ChatOutput {
    func say(_ line: IRCLine, to target: String, priority: OutboundPriority) async {
        await say(line, to: target, priority: priority, account: nil)
    }
}

extension IRCClient: ChatOutput {
    func say(_ line: IRCLine, to target: String, priority: OutboundPriority, account: String?) async {
        do {
            try send(line, to: target, priority: priority, account: account)
        } catch {
            // Only a target containing a space or control character can fail here; the desk never builds one.
        }
    }

    func backlog(atMost priority: OutboundPriority) async -> Int {
        guard isRegistered else { return Int.max }
        return queuedLines(atMost: priority)
    }
}
