import Foundation
public import IRC
public import Logging
import NIOCore

/// A long-lived IRC connection that keeps itself up: it registers (CAP, SASL), joins, answers PING,
/// notices a dead link, reconnects with backoff, and paces everything it sends behind a flood gate.
///
/// The protocol decisions live in `IRCSession`; this actor only owns the socket, the timers and the
/// outbound queue. Events arrive on `events`, which has exactly one consumer: the application.
public actor IRCClient {
    public enum ConnectionState: String, Sendable {
        case disconnected, connecting, connected
    }

    public nonisolated let events: AsyncStream<IRCEvent>
    private let eventSink: AsyncStream<IRCEvent>.Continuation
    public nonisolated let configuration: IRCClientConfiguration
    private let logger: Logger

    public private(set) var state: ConnectionState = .disconnected
    /// Round-trip time of the last keepalive PING.
    public private(set) var lag: Duration?
    private var session: IRCSession?
    private var queue = OutboundQueue()
    private var gate: FloodGate<ContinuousClock>
    private var writerWaiter: CheckedContinuation<Void, Never>?
    private var outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>?
    private var generation = 0
    private var lastInbound = ContinuousClock.now
    private var outstandingPing: (token: String, sentAt: ContinuousClock.Instant)?
    /// A plaintext connection was told to use TLS on this port (an STS upgrade policy): the next attempt
    /// does. Persistence policies, learned over TLS, live in `stsStore` instead.
    private var stsUpgrade: (port: Int, until: ContinuousClock.Instant)?
    private let stsStore: any STSPolicyStore
    /// The port of the current connection, which a persistence policy pins.
    private var connectedPort: Int?
    private var shuttingDown = false
    /// The reconnect loop started by `run()`, cancelled by `shutdown()` when it must not wait any longer.
    private var loopTask: Task<Void, Never>?
    private var backoff: ReconnectBackoff

    /// - Parameter stsStore: where STS policies survive a restart; the default keeps them in memory.
    public init(configuration: IRCClientConfiguration, stsStore: any STSPolicyStore = InMemorySTSPolicyStore(),
                logger: Logger = Logger(label: "switchboard.irc")) {
        self.configuration = configuration
        self.stsStore = stsStore
        self.logger = logger
        (events, eventSink) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(10_000))
        gate = FloodGate(clock: ContinuousClock(), burst: configuration.floodBurst, interval: configuration.floodInterval)
        backoff = ReconnectBackoff(policy: configuration.reconnect)
        if configuration.insecureSkipVerify {
            logger.warning("TLS certificate verification is OFF for \(configuration.host) (irc.tls_insecure). Anyone on the path can read and change this connection.")
        }
    }

    // MARK: - Public API

    /// Connects and keeps reconnecting until `shutdown()` or cancellation.
    ///
    /// The loop runs in a task of its own so that `shutdown()` can end it wherever it is: waiting out a
    /// reconnect backoff (minutes at most), or holding a link whose server ignores QUIT.
    public func run() async {
        let loop = Task { await self.connectionLoop() }
        loopTask = loop
        await withTaskCancellationHandler {
            await loop.value
        } onCancel: {
            loop.cancel()
        }
        eventSink.finish()
    }

    private func connectionLoop() async {
        while !shuttingDown && !Task.isCancelled {
            let started = ContinuousClock.now
            do {
                try await runOneConnection()
            } catch {
                let reason = (error as? IRCClientError)?.description ?? "\(error)"
                if !shuttingDown {
                    logger.error("IRC connection lost: \(reason)")
                }
                eventSink.yield(.disconnected(reason: reason))
            }
            state = .disconnected
            outbound = nil
            session = nil
            if shuttingDown || Task.isCancelled { break }
            backoff.sessionEnded(lasted: started.duration(to: .now))
            let delay = backoff.nextDelay(unitRandom: Double.random(in: 0..<1))
            logger.info("reconnecting to \(configuration.host) in \(delay)")
            try? await Task.sleep(for: delay)
        }
    }

    /// Sends QUIT and waits up to `configuration.quitTimeout` for the server to close the link, so the
    /// TLS stream ends cleanly; a server that never closes it is cut off then, and `run()` returns.
    /// Without a link (connecting, or waiting to reconnect) the loop ends at once.
    public func shutdown(message: String = "Switchboard shutting down") async {
        guard !shuttingDown else { return }
        shuttingDown = true
        guard let outbound else {
            loopTask?.cancel()
            return
        }
        // The deadline starts before the write: a server that stopped reading could hold the write too.
        let timeout = configuration.quitTimeout
        Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.abandonConnection(after: timeout)
        }
        try? await write(IRCMessage(command: "QUIT", parameters: [message]), to: outbound)
    }

    /// Ends the connection loop if it is still running: the server did not close the link after QUIT.
    private func abandonConnection(after timeout: Duration) {
        guard let loopTask, state != .disconnected else { return }
        logger.warning("\(configuration.host) did not close the link within \(timeout) of QUIT; closing it")
        loopTask.cancel()
    }

    public func send(_ message: IRCMessage, priority: OutboundPriority = .commandReply) throws {
        try enqueue(message, priority: priority, account: nil)
    }

    private func enqueue(_ message: IRCMessage, priority: OutboundPriority, account: String?) throws {
        let line = try message.serialized()
        if priority == .immediate, let outbound {
            Task { try? await self.write(line: line, to: outbound) }
            return
        }
        if !queue.append(QueuedLine(message: message, account: account), priority: priority), queue.dropped % 100 == 1 {
            logger.warning("outbound \(priority) lines are being dropped: \(OutboundQueue.laneLimit) already wait (\(queue.dropped) dropped so far)")
        }
        wakeWriter()
    }

    /// Sends text to a channel or nick, split safely for the server's 512-byte relay limit.
    public func sendText(_ text: String, to target: String, priority: OutboundPriority = .commandReply,
                         notice: Bool = false) throws {
        let command = notice ? "NOTICE" : "PRIVMSG"
        for piece in MessageSplitter.split(text, command: command, target: target, source: relaySource) where !piece.isEmpty {
            try send(IRCMessage(command: command, parameters: [target, piece]), priority: priority)
        }
    }

    /// Sends a line built by the bot (see ``IRCLine``): no piece of it begins with outside text.
    ///
    /// - Parameter account: for a direct message meant for one services account. If, when the line
    ///   leaves, that account is no longer on `target`, it goes to the account's current nick, or is
    ///   dropped: contact details must never reach whoever took the nick over.
    public func send(_ line: IRCLine, to target: String, priority: OutboundPriority = .commandReply, notice: Bool = false,
                     account: String? = nil) throws {
        let command = notice ? "NOTICE" : "PRIVMSG"
        // A line that may be retargeted is split for the longest nick it could go to.
        let budgetTarget = account == nil ? target : String(repeating: "x", count: max(target.utf8.count, session?.isupport.nickLength ?? 32))
        let budget = MessageSplitter.budget(command: command, target: budgetTarget, source: relaySource)
        for piece in line.pieces(maxBytes: budget) {
            try enqueue(IRCMessage(command: command, parameters: [target, piece]), priority: priority, account: account)
        }
    }

    /// Lines waiting to be sent at `priority` or more urgent; what the desk paces its cards by.
    public func queuedLines(atMost priority: OutboundPriority) -> Int { queue.count(atMost: priority) }

    /// Lines dropped since start because their lane was full.
    public var droppedLineCount: Int { queue.dropped }

    private var relaySource: IRCSource {
        session?.selfSource ?? IRCSource.worstCase(nick: configuration.nick, user: configuration.username)
    }

    /// Whether services (NickServ) are on the network: nil when unknown (no MONITOR, or not yet answered).
    public var servicesOnline: Bool? { session?.servicesOnline }
    /// The account this connection is logged in as, nil while logged out (or waiting for services).
    public var loggedInAccount: String? { session?.loggedInAccount }

    /// Which services account is behind this nick right now, nil when unknown or logged out.
    public func account(of nick: String) -> String? { session?.account(of: nick) }

    public var currentNick: String { session?.currentNick ?? configuration.nick }
    /// Our `nick!user@host` as the server relays it, once learned.
    public var selfSource: IRCSource? { session?.selfSource }
    public var isRegistered: Bool { session?.phase == .registered }
    public var queuedLineCount: Int { queue.count }
    public var enabledCapabilities: Set<String> { session?.enabledCapabilities ?? [] }
    public func isInChannel(_ channel: String) -> Bool { session?.isInChannel(channel) ?? false }

    private func log(_ event: IRCEvent) {
        switch event {
        case .loginDeferred(let reason): logger.warning("\(reason)")
        case .loggedIn(let account): logger.notice("logged in as \(account) now that services are back")
        case .servicesChanged(let online):
            if online {
                logger.notice("services (\(configuration.servicesNick ?? "?")) are on the network")
            } else {
                logger.warning("services (\(configuration.servicesNick ?? "?")) left the network: accounts cannot be verified until they return")
            }
        case .saslFailed(let reason) where isRegistered: logger.error("\(reason)")
        default: break
        }
    }

    // MARK: - One connection

    private func runOneConnection() async throws {
        var useTLS = configuration.useTLS
        var port = configuration.port
        if let upgrade = stsUpgrade, upgrade.until > .now {
            (useTLS, port) = (true, upgrade.port)
        } else if let policy = await activeSTSPolicy() {
            (useTLS, port) = (true, policy.port)
        }
        state = .connecting
        connectedPort = port
        let transport = try IRCTransport(configuration: configuration, useTLS: useTLS)
        let connection = try await transport.connect(host: configuration.host, port: port, timeout: configuration.connectTimeout)
        generation += 1
        let myGeneration = generation
        var session = IRCSession(configuration: configuration, isTLS: useTLS)
        let opening = session.start()
        self.session = session
        lastInbound = .now
        outstandingPing = nil

        do {
            try await connection.executeThenClose { inbound, outbound in
                self.outbound = outbound
                try await self.perform(opening, outbound: outbound, generation: myGeneration)
                // Whichever ends first (the server closing, a keepalive timeout, a write failing, a
                // disconnect decided by the session) ends the connection and cancels the others.
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await buffer in inbound {
                            try await self.handle(line: String(buffer: buffer), outbound: outbound, generation: myGeneration)
                        }
                    }
                    group.addTask { try await self.writerLoop(outbound: outbound) }
                    group.addTask { try await self.keepaliveLoop(outbound: outbound, generation: myGeneration) }
                    defer { group.cancelAll() }
                    try await group.next()
                }
            }
        } catch {
            throw IRCTransport.describe(error, host: configuration.host) ?? error
        }
        throw IRCClientError.closed(shuttingDown ? "after QUIT" : "the server closed the connection")
    }

    private func handle(line: String, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, generation: Int) async throws {
        lastInbound = .now
        guard !line.isEmpty else { return }
        logger.trace("<< \(LogRedaction.redacted(line))")
        let message: IRCMessage
        do {
            message = try IRCMessage(parsing: line)
        } catch {
            logger.debug("ignoring unparseable line: \(error)")
            return
        }
        guard var session else { return }
        let actions = session.receive(message, now: Date())
        self.session = session
        try await perform(actions, outbound: outbound, generation: generation)
    }

    private func perform(_ actions: [IRCSession.Action], outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
                         generation: Int) async throws {
        for action in actions {
            switch action {
            case .send(let message, let priority):
                if priority == .immediate {
                    try await write(message, to: outbound)
                } else {
                    try send(message, priority: priority)
                }
            case .emit(let event):
                if case .registered = event {
                    state = .connected
                    wakeWriter()
                    logger.info("registered on \(configuration.host) as \(currentNick)")
                }
                log(event)
                eventSink.yield(event)
            case .sendLater(let message, let delay):
                Task { [weak self] in
                    try? await Task.sleep(for: delay)
                    await self?.sendIfStillConnected(message, generation: generation)
                }
            case .disconnect(let reason):
                throw IRCClientError.closed(reason).saslAware(reason)
            case .pong(let token):
                if let ping = outstandingPing, ping.token == token {
                    lag = ping.sentAt.duration(to: .now)
                    outstandingPing = nil
                }
            case .stsUpgrade(let port):
                stsUpgrade = (port, ContinuousClock.now.advanced(by: .seconds(60)))
                backoff.reset()
            case .stsPersist(let duration):
                await persistSTSPolicy(duration: duration)
            }
        }
    }

    /// The stored STS policy for our host while it lasts; an expired one is forgotten. A store that cannot
    /// be read is logged and treated as empty: the configured `tls` setting still applies.
    private func activeSTSPolicy() async -> PersistedSTSPolicy? {
        let host = configuration.host.lowercased()
        do {
            guard let policy = try await stsStore.policy(for: host) else { return nil }
            if policy.expiresAt > Date() { return policy }
            try await stsStore.removePolicy(for: host)
        } catch {
            logger.warning("cannot read the stored STS policy for \(host): \(error)")
        }
        return nil
    }

    /// Remembers (or, for `duration=0`, forgets) the policy a TLS connection advertised. The server sends
    /// it on every connection, so each one restarts the duration, as the STS specification asks.
    private func persistSTSPolicy(duration: Int) async {
        guard let port = connectedPort else { return }
        let host = configuration.host.lowercased()
        do {
            if duration <= 0 {
                try await stsStore.removePolicy(for: host)
                logger.info("STS policy for \(host) removed (duration=0)")
            } else {
                try await stsStore.save(PersistedSTSPolicy(host: host, port: port, expiresAt: Date().addingTimeInterval(TimeInterval(duration))))
                logger.debug("STS policy for \(host): TLS on port \(port) for \(duration) s")
            }
        } catch {
            logger.warning("cannot store the STS policy for \(host): \(error)")
        }
    }

    private func sendIfStillConnected(_ message: IRCMessage, generation: Int) async {
        guard generation == self.generation, let outbound else { return }
        try? await write(message, to: outbound)
    }

    private func write(_ message: IRCMessage, to outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws {
        try await write(line: try message.serialized(), to: outbound)
    }

    /// Writes a line past the queue (registration, PONG, QUIT), still charged to the flood gate.
    private func write(line: String, to outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws {
        // Servers do not count the CAP/SASL exchange against a client's message budget; charging it would
        // hold the first real replies for ~20 s.
        if session?.phase == .registered { gate.acquireUnconditionally() }
        try await transmit(line, to: outbound)
    }

    /// Every line we send goes out here, so every one is logged the same way, secrets redacted.
    private func transmit(_ line: String, to outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws {
        logger.trace(">> \(LogRedaction.redacted(line))")
        try await outbound.write(ByteBuffer(string: line + "\r\n"))
    }

    // MARK: - Writer and keepalive

    /// What the writer should do next: send a line now, wait for the gate, or wait for work.
    private enum WriterStep { case send(String), wait(Duration), idle }

    private func nextWriterStep() -> WriterStep {
        guard session?.phase == .registered, !queue.isEmpty else { return .idle }
        // Anything below a command reply leaves one token in reserve for the next person who asks.
        let reserve = (queue.firstPriority ?? .commandReply) > .commandReply ? 1 : 0
        let delay = gate.delayUntilNextToken(keeping: reserve)
        guard delay == .zero, gate.tryAcquire(keeping: reserve) else { return .wait(max(delay, .milliseconds(10))) }
        // A line whose account went away is dropped without waiting for another token.
        while let next = queue.popFirst() {
            if let message = addressed(next.line), let line = try? message.serialized() { return .send(line) }
        }
        return .idle
    }

    /// The message as it should leave now: retargeted to the account's current nick, or nil (dropped)
    /// when the account it was meant for is on no nick we can see.
    private func addressed(_ queued: QueuedLine) -> IRCMessage? {
        guard let account = queued.account, let session, let target = queued.message.parameters.first else { return queued.message }
        guard let nick = session.deliveryNick(for: account, addressedTo: target, now: Date()) else {
            logger.notice("dropped a line for account \(account): it is no longer on \(target), nor on any nick in our channels")
            return nil
        }
        guard nick != target else { return queued.message }
        logger.info("a line for account \(account) goes to its nick \(nick), no longer to \(target)")
        var message = queued.message
        message.parameters[0] = nick
        return message
    }

    private func writerLoop(outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws {
        while !Task.isCancelled {
            switch nextWriterStep() {
            case .send(let line):
                try await transmit(line, to: outbound)
            case .wait(let delay):
                // Woken early by a new line: a command reply must not sleep out a card's wait.
                await waitForWork(atMost: delay)
                try Task.checkCancellation()
            case .idle:
                await waitForWork()
            }
        }
    }

    /// Parks the writer until a line is queued, registration completes, or the connection ends.
    private func waitForWork() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { writerWaiter = $0 }
        } onCancel: {
            Task { await self.wakeWriter() }
        }
    }

    private func waitForWork(atMost delay: Duration) async {
        let timer = Task { [weak self] in
            guard (try? await Task.sleep(for: delay)) != nil else { return }
            await self?.wakeWriter()
        }
        await waitForWork()
        timer.cancel()
    }

    private func wakeWriter() {
        writerWaiter?.resume()
        writerWaiter = nil
    }

    private func keepaliveLoop(outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, generation: Int) async throws {
        let tick = min(configuration.keepaliveTimeout / 3, configuration.servicesCheckInterval / 2, .seconds(5))
        var lastServicesCheck = ContinuousClock.now
        while !Task.isCancelled {
            try await Task.sleep(for: tick)
            let now = ContinuousClock.now
            if lastServicesCheck.duration(to: now) >= configuration.servicesCheckInterval, let check = session?.servicesCheck {
                lastServicesCheck = now
                try send(check, priority: .digest)
            }
            if let ping = outstandingPing {
                if ping.sentAt.duration(to: now) > configuration.keepaliveTimeout {
                    throw IRCClientError.timeout("no answer to PING within \(configuration.keepaliveTimeout)")
                }
            } else if lastInbound.duration(to: now) > configuration.keepaliveInterval {
                let token = "sb\(generation)-\(UInt32.random(in: 0...UInt32.max))"
                outstandingPing = (token, now)
                try await write(IRCMessage(command: "PING", parameters: [token]), to: outbound)
            }
        }
    }
}

private extension IRCClientError {
    func saslAware(_ reason: String) -> IRCClientError {
        reason.hasPrefix("SASL login") ? .saslFailed(reason) : self
    }
}
