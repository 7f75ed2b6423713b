public import Foundation
import IRC
public import IRCClient
public import Logging

/// An `IRCClient` running in the background with its events collected, so a test can wait for one.
public final class RunningClient: Sendable {
    public let client: IRCClient
    private let recorder = EventRecorder()
    private let runTask: Task<Void, Never>
    private let collectTask: Task<Void, Never>

    /// `logger` replaces the default one (info, or trace with `SWITCHBOARD_IRC_TRACE` set), for a test
    /// that inspects the log.
    public init(_ configuration: IRCClientConfiguration, stsStore: any STSPolicyStore = InMemorySTSPolicyStore(),
                logger: Logger? = nil) {
        var fallback = Logger(label: "test.\(configuration.nick)")
        fallback.logLevel = ProcessInfo.processInfo.environment["SWITCHBOARD_IRC_TRACE"] != nil ? .trace : .info
        let client = IRCClient(configuration: configuration, stsStore: stsStore, logger: logger ?? fallback)
        self.client = client
        let recorder = self.recorder
        runTask = Task {
            await client.run()
            await recorder.runReturned()
        }
        collectTask = Task {
            for await event in client.events { await recorder.append(event) }
        }
    }

    /// Waits until an event matching `predicate` has been seen (including ones seen before the call).
    @discardableResult
    public func waitFor(_ what: String, timeout: Duration = .seconds(20), _ predicate: @escaping @Sendable (IRCEvent) -> Bool) async throws -> IRCEvent {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if let event = await recorder.first(where: predicate) { return event }
            try await Task.sleep(for: .milliseconds(50))
        }
        let seen = await recorder.all.map { "\($0)" }.suffix(10).joined(separator: "\n  ")
        throw TestNetworkError(message: "timed out waiting for \(what); last events:\n  \(seen)")
    }

    /// Generous, like the other start-up waits: when the whole suite starts its networks at once on two
    /// busy cores, joining took over 20 s (a precondition, so a long wait costs nothing when all is well).
    public func waitUntilJoined(_ channel: String, timeout: Duration = .seconds(60)) async throws {
        try await waitFor("JOIN \(channel)", timeout: timeout) {
            if case .joined(let c) = $0 { c.lowercased() == channel.lowercased() } else { false }
        }
    }

    public func waitUntilRegistered(timeout: Duration = .seconds(60)) async throws {
        try await waitFor("registration", timeout: timeout) { if case .registered = $0 { true } else { false } }
    }

    public var events: [IRCEvent] { get async { await recorder.all } }

    /// Whether the client's `run()` has returned (after `shutdown()`, it must, and soon).
    public var hasReturned: Bool { get async { await recorder.returned } }

    public func messages(in channel: String? = nil) async -> [IRCChatMessage] {
        await recorder.all.compactMap {
            guard case .message(let message) = $0 else { return nil }
            if let channel, message.channel?.lowercased() != channel.lowercased() { return nil }
            return message
        }
    }

    public func clearEvents() async { await recorder.clear() }

    public func stop() async {
        await client.shutdown()
        runTask.cancel()
        _ = await runTask.value
        collectTask.cancel()
    }
}

private actor EventRecorder {
    private(set) var all: [IRCEvent] = []
    private(set) var returned = false
    func runReturned() { returned = true }
    public func append(_ event: IRCEvent) { all.append(event) }
    public func first(where predicate: (IRCEvent) -> Bool) -> IRCEvent? { all.first(where: predicate) }
    public func clear() { all.removeAll() }
}
