import Foundation
import IRCClient
import Synchronization
import TestSupport

/// An IRC client on the test network that records every line it receives with the instant it arrived:
/// the agent's screen, for benchmarks that time what Switchboard posts.
final class ChannelRecorder: Sendable {
    struct Line: Sendable {
        var sender: String
        var text: String
        var at: ContinuousClock.Instant
    }

    let client: IRCClient
    private let received = Mutex<[Line]>([])
    private let tasks = Mutex<[Task<Void, Never>]>([])

    /// A generous flood gate by default, so a client that also sends (the relay) never measures its own gate.
    init(net: TestNetwork, nick: String, account: String, channel: String = "#bench") {
        client = IRCClient(configuration: net.configuration(
            nick: nick, account: account, channels: [channel], floodBurst: 4, floodInterval: .milliseconds(500)))
    }

    func start() {
        let client = client
        let run = Task { await client.run() }
        let reader = Task { [self] in
            for await event in client.events {
                guard case .message(let message) = event else { continue }
                let line = Line(sender: message.senderNick, text: message.text, at: .now)
                received.withLock { $0.append(line) }
            }
        }
        tasks.withLock { $0 += [run, reader] }
    }

    func stop() {
        tasks.withLock { tasks in
            tasks.forEach { $0.cancel() }
            tasks = []
        }
    }

    /// When the first line containing `[tag]` arrived.
    func instant(ofTag tag: String) -> ContinuousClock.Instant? {
        let marker = "[\(tag)]"
        return received.withLock { lines in lines.first { $0.text.contains(marker) }?.at }
    }

    /// Lines from `sender` that arrived after `instant`, oldest first.
    func lines(from sender: String, after instant: ContinuousClock.Instant) -> [Line] {
        received.withLock { lines in lines.filter { $0.sender == sender && $0.at > instant } }
    }
}
