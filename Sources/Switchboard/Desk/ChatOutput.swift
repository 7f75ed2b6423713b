import IRCClient

/// Where the desk's words go. The IRC client in production; a recorder in tests of the desk logic.
protocol ChatOutput: Sendable {
    func say(_ text: String, to target: String, priority: OutboundPriority) async
}

extension IRCClient: ChatOutput {
    func say(_ text: String, to target: String, priority: OutboundPriority) async {
        do {
            try sendText(text, to: target, priority: priority)
        } catch {
            // Only a target containing a space or control character can fail here; the desk never builds one.
        }
    }
}
