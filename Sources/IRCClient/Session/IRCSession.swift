public import Foundation
public import IRC

/// The registration and session logic of one connection, as a value: lines in, actions out.
///
/// Keeping it free of sockets means every path (multi-line CAP LS, SASL chunking and failure, nick
/// collisions, KICK and rejoin, account tracking) is tested by feeding recorded server lines, while
/// `IRCClient` only moves bytes and timers.
public struct IRCSession: Sendable {
    public enum Phase: Sendable, Equatable {
        case negotiating
        case authenticating
        case registering
        case registered
    }

    public enum Action: Sendable, Equatable {
        case send(IRCMessage, OutboundPriority)
        case emit(IRCEvent)
        /// Send this line after a delay (a rejoin after KICK).
        case sendLater(IRCMessage, after: Duration)
        case disconnect(reason: String)
        /// The server answered one of our keepalive PINGs.
        case pong(token: String)
        /// Over plaintext the server published an STS policy: reconnect with TLS to this port.
        case stsUpgrade(port: Int)
        /// Over TLS the server published an STS policy that must be remembered for `duration` seconds (for
        /// the port of this connection); `duration=0` means forget it.
        case stsPersist(duration: Int)
    }

    /// Capabilities worth having; the rest of the client copes without any of them.
    public static let desiredCapabilities: Set<String> = [
        "sasl", "account-tag", "account-notify", "extended-join", "message-tags", "server-time",
        "echo-message", "labeled-response", "batch", "cap-notify", "chghost", "invite-notify",
        "standard-replies", "inspircd.org/standard-replies", "multi-prefix", "away-notify",
    ]

    public let configuration: IRCClientConfiguration
    public private(set) var phase: Phase = .negotiating
    public private(set) var currentNick: String
    public private(set) var serverName: String?
    public private(set) var isupport = ISupport()
    public private(set) var accounts = AccountTracker()
    public private(set) var offeredCapabilities = CapabilitySet()
    public private(set) var enabledCapabilities: Set<String> = []
    /// Channels we are in, by casemapped name, with the name as the server wrote it.
    public private(set) var joinedChannels: [String: String] = [:]
    /// Our own `nick!user@host` as the server relays it, learned after registration; the splitter needs it.
    public private(set) var selfSource: IRCSource
    public private(set) var loggedInAccount: String?
    /// Whether the services nick is on the network, from MONITOR; nil until the server says, or without MONITOR.
    public private(set) var servicesOnline: Bool?
    /// SASL is configured but had to wait: the server did not offer it when we registered.
    public private(set) var loginPending = false

    private var nickAttempt = 0
    private var capabilityListComplete = false
    private var pendingRequests: Set<String> = []
    private var saslInProgress = false
    /// The mechanisms the server listed in 908 (RPL_SASLMECHS), if it did.
    private var serverMechanisms: String?
    private var capEndSent = false
    private var lastCTCPReply: Date?
    private let isTLS: Bool

    public init(configuration: IRCClientConfiguration, isTLS: Bool) {
        self.configuration = configuration
        self.isTLS = isTLS
        currentNick = configuration.nick
        selfSource = IRCSource.worstCase(nick: configuration.nick, user: configuration.username)
    }

    /// The first lines on a new connection. `CAP LS 302` goes first so that registration waits for
    /// capability negotiation (and SASL) to finish.
    public mutating func start() -> [Action] {
        [
            .send(IRCMessage(command: "CAP", parameters: ["LS", "302"]), .immediate),
            .send(IRCMessage(command: "NICK", parameters: [currentNick]), .immediate),
            .send(IRCMessage(command: "USER", parameters: [configuration.username, "0", "*", configuration.realname]), .immediate),
        ]
    }

    public var hasCapability: (String) -> Bool { { [enabledCapabilities] in enabledCapabilities.contains($0) } }

    /// The services account behind a nick as far as the tracker knows.
    public func account(of nick: String) -> String? { accounts.account(of: nick) }

    /// See ``AccountTracker/deliveryNick(for:addressedTo:now:)``.
    public func deliveryNick(for account: String, addressedTo nick: String, now: Date) -> String? {
        accounts.deliveryNick(for: account, addressedTo: nick, now: now)
    }

    public func isChannel(_ target: String) -> Bool { isupport.isChannel(target) }

    public func isInChannel(_ channel: String) -> Bool { joinedChannels[isupport.fold(channel)] != nil }

    // MARK: - Incoming lines

    public mutating func receive(_ message: IRCMessage, now: Date) -> [Action] {
        switch message.command {
        case "PING":
            return [.send(IRCMessage(command: "PONG", parameters: message.parameters), .immediate)]
        case "PONG":
            return [.pong(token: message.parameters.last ?? "")]
        case "CAP":
            return receiveCapability(message)
        case "AUTHENTICATE":
            return receiveAuthenticate(message)
        case "900":
            let account = message.parameters.count > 2 ? message.parameters[2] : configuration.sasl?.account
            loggedInAccount = account
            guard phase == .registered, loginPending else { return [] }
            loginPending = false
            return account.map { [.emit(.loggedIn(account: $0))] } ?? []
        case "901":
            loggedInAccount = nil
            return []
        case "903", "907":
            saslInProgress = false
            return endNegotiation()
        case "908":
            // RPL_SASLMECHS, sent just before the 904 for a mechanism the server does not support.
            if message.parameters.count > 1 { serverMechanisms = message.parameters[1] }
            return []
        case "902", "904", "905", "906":
            let reason = serverAnswer(message)
            if phase == .registered {
                // A late login failed: the link is useful without it, so keep it and stop trying.
                saslInProgress = false
                loginPending = false
                return [.emit(.saslFailed(reason: "SASL login as \(configuration.sasl?.account ?? "?") failed: \(reason)"))]
            }
            return saslFailed(reason)
        case "730", "731":
            return receiveMonitor(message, online: message.command == "730")
        case "001":
            return receiveWelcome(message)
        case "005":
            isupport.apply(message)
            accounts.setCaseMapping(isupport.caseMapping)
            return []
        case "376", "422":
            return phase == .registered ? afterRegistration() : []
        case "432", "433", "436":
            return receiveNickRejected(message)
        case "396":
            if message.parameters.count > 1 { selfSource.host = message.parameters[1] }
            return []
        case "352":
            return receiveWhoReply(message)
        case "354":
            return receiveWhoxReply(message)
        case "JOIN":
            return receiveJoin(message)
        case "PART":
            return receivePart(message)
        case "KICK":
            return receiveKick(message)
        case "QUIT":
            guard let nick = message.sourceNick else { return [] }
            accounts.quit(nick: nick)
            return [.emit(.userQuit(nick: nick, reason: message.parameters.first ?? ""))]
        case "NICK":
            return receiveNick(message)
        case "ACCOUNT":
            if let nick = message.sourceNick, let account = message.parameters.first {
                accounts.setAccount(nick: nick, account: account == "*" ? nil : account)
            }
            return []
        case "CHGHOST":
            if let nick = message.sourceNick, isSelf(nick), message.parameters.count >= 2 {
                selfSource = IRCSource(nick: currentNick, user: message.parameters[0], host: message.parameters[1])
            }
            return []
        case "PRIVMSG", "NOTICE":
            return receiveText(message, now: now)
        case "ERROR":
            return [.disconnect(reason: message.parameters.last ?? "server closed the link")]
        default:
            return []
        }
    }

    // MARK: - Capabilities and SASL

    private mutating func receiveCapability(_ message: IRCMessage) -> [Action] {
        let params = message.parameters
        guard params.count >= 3 else { return [] }
        let subcommand = params[1].uppercased()
        let list = params[params.count - 1]
        switch subcommand {
        case "LS":
            offeredCapabilities.add(list)
            // `CAP * LS * :…` means more lines follow.
            if params.count >= 4 && params[2] == "*" { return [] }
            capabilityListComplete = true
            return afterCapabilityList()
        case "ACK":
            for token in list.split(separator: " ") {
                let name = String(token)
                if name.hasPrefix("-") {
                    enabledCapabilities.remove(String(name.dropFirst()))
                } else {
                    enabledCapabilities.insert(name)
                }
                pendingRequests.remove(name.hasPrefix("-") ? String(name.dropFirst()) : name)
            }
            return afterAcknowledgement()
        case "NAK":
            let refused = Set(list.split(separator: " ").map(String.init))
            pendingRequests.subtract(refused)
            if refused.contains("sasl"), configuration.sasl != nil, phase != .registered {
                return saslFailed("the server refused the sasl capability")
            }
            return afterAcknowledgement()
        case "NEW":
            offeredCapabilities.add(list)
            var wanted = wantedCapabilities(from: Set(CapabilitySet.parse(list).keys))
            if !(loginPending && loggedInAccount == nil && !saslInProgress) { wanted.remove("sasl") }
            guard !wanted.isEmpty else { return [] }
            pendingRequests.formUnion(wanted)
            return [.send(IRCMessage(command: "CAP", parameters: ["REQ", wanted.sorted().joined(separator: " ")]), .immediate)]
        case "DEL":
            offeredCapabilities.remove(list)
            for name in list.split(separator: " ") { enabledCapabilities.remove(String(name)) }
            return []
        default:
            return []
        }
    }

    private func wantedCapabilities(from offered: Set<String>) -> Set<String> {
        var wanted = offered.intersection(Self.desiredCapabilities)
        if configuration.sasl == nil { wanted.remove("sasl") }
        return wanted
    }

    private mutating func afterCapabilityList() -> [Action] {
        var actions: [Action] = []
        if let sts = offeredCapabilities["sts"] {
            let policy = STSPolicy(value: sts)
            if !isTLS, let port = policy.port {
                return [.stsUpgrade(port: port), .disconnect(reason: "the server requires TLS (STS) on port \(port)")]
            }
            if isTLS, let duration = policy.duration {
                actions.append(.stsPersist(duration: duration))
            }
        }
        // A `sasl=` list without our mechanism is no reason to give up before asking: like other clients
        // we request `sasl` and try it, and the server's own 908/904 answer says why it fails.
        if let sasl = configuration.sasl, offeredCapabilities["sasl"] == nil {
            guard configuration.waitsForServices else { return actions + saslFailed("the server does not offer SASL") }
            loginPending = true
            actions.append(.emit(.loginDeferred(
                reason: "the server does not offer SASL right now (services may be down); joining without logging in as \(sasl.account) until it does")))
        }
        return actions + requestWantedCapabilities()
    }

    private mutating func requestWantedCapabilities() -> [Action] {
        let wanted = wantedCapabilities(from: offeredCapabilities.names)
        guard !wanted.isEmpty else { return endNegotiation() }
        pendingRequests = wanted
        return [.send(IRCMessage(command: "CAP", parameters: ["REQ", wanted.sorted().joined(separator: " ")]), .immediate)]
    }

    private mutating func afterAcknowledgement() -> [Action] {
        if phase == .registered { return lateLoginIfReady() }
        guard pendingRequests.isEmpty, phase == .negotiating else { return [] }
        if let sasl = configuration.sasl, !loginPending {
            guard enabledCapabilities.contains("sasl") else { return saslFailed("the server did not enable SASL") }
            phase = .authenticating
            saslInProgress = true
            return [.send(IRCMessage(command: "AUTHENTICATE", parameters: [sasl.mechanism.rawValue]), .immediate)]
        }
        return endNegotiation()
    }

    /// IRCv3 lets a registered client authenticate once the server offers SASL again (InspIRCd does).
    private mutating func lateLoginIfReady() -> [Action] {
        guard loginPending, loggedInAccount == nil, !saslInProgress, let sasl = configuration.sasl,
              enabledCapabilities.contains("sasl") else { return [] }
        saslInProgress = true
        return [.send(IRCMessage(command: "AUTHENTICATE", parameters: [sasl.mechanism.rawValue]), .immediate)]
    }

    /// The periodic re-check of the services nick, when the server has MONITOR and we watch one.
    public var servicesCheck: IRCMessage? {
        guard phase == .registered, isupport.supportsMonitor, configuration.servicesNick != nil else { return nil }
        return IRCMessage(command: "MONITOR", parameters: ["S"])
    }

    /// 730 (online) and 731 (offline) list the watched nicks that changed; only the services nick matters.
    private mutating func receiveMonitor(_ message: IRCMessage, online: Bool) -> [Action] {
        guard let services = configuration.servicesNick, let list = message.parameters.last else { return [] }
        let nicks = list.split(separator: ",").map { $0.split(separator: "!").first.map(String.init) ?? "" }
        guard nicks.contains(where: { isupport.fold($0) == isupport.fold(services) }) else { return [] }
        let changed = servicesOnline != online
        servicesOnline = online
        return changed ? [.emit(.servicesChanged(online: online))] : []
    }

    private mutating func receiveAuthenticate(_ message: IRCMessage) -> [Action] {
        guard saslInProgress, let sasl = configuration.sasl, message.parameters.first == "+" else { return [] }
        let payload: String
        switch sasl.mechanism {
        case .plain:
            // authzid = authcid, as irssi, WeeChat and HexChat send it: some services refuse an empty authzid.
            payload = SASL.plainPayload(authorizationIdentity: sasl.account, authenticationIdentity: sasl.account,
                                        password: sasl.password ?? "")
        case .external:
            payload = ""
        }
        return SASL.authenticateChunks(payload).map {
            .send(IRCMessage(command: "AUTHENTICATE", parameters: [$0]), .immediate)
        }
    }

    /// The server's own words for a failed login: the numeric's text, and the mechanisms it named in 908.
    private func serverAnswer(_ message: IRCMessage) -> String {
        var reason = "\(message.command) \(message.parameters.last ?? "SASL authentication failed")"
        if let serverMechanisms, let mechanism = configuration.sasl?.mechanism.rawValue {
            reason += " (908: the server offers \(serverMechanisms), not \(mechanism))"
        }
        return reason
    }

    private mutating func saslFailed(_ reason: String) -> [Action] {
        saslInProgress = false
        let account = configuration.sasl?.account ?? "?"
        let text = "SASL login as \(account) failed: \(reason)"
        return [.emit(.saslFailed(reason: text)), .send(IRCMessage(command: "QUIT", parameters: ["SASL failed"]), .immediate),
                .disconnect(reason: text)]
    }

    private mutating func endNegotiation() -> [Action] {
        guard !capEndSent else { return [] }
        capEndSent = true
        if phase != .registered { phase = .registering }
        return [.send(IRCMessage(command: "CAP", parameters: ["END"]), .immediate)]
    }

    // MARK: - Registration

    private mutating func receiveWelcome(_ message: IRCMessage) -> [Action] {
        phase = .registered
        if let nick = message.parameters.first { currentNick = nick }
        serverName = message.source
        selfSource.nick = currentNick
        // A server without CAP never answers LS; make sure no capability state lingers.
        capEndSent = true
        return [.emit(.registered(nick: currentNick, server: message.source ?? configuration.host))]
    }

    /// After the MOTD the ISUPPORT tokens are complete: set bot mode, learn our host, join channels.
    private mutating func afterRegistration() -> [Action] {
        var actions: [Action] = []
        if let mode = isupport.botMode {
            actions.append(.send(IRCMessage(command: "MODE", parameters: [currentNick, "+\(mode)"]), .immediate))
        }
        actions.append(.send(IRCMessage(command: "WHO", parameters: [currentNick]), .immediate))
        if isupport.supportsMonitor, let services = configuration.servicesNick {
            actions.append(.send(IRCMessage(command: "MONITOR", parameters: ["+", services]), .immediate))
        }
        actions += configuration.channels.map { .send(joinMessage(for: $0), .immediate) }
        return actions
    }

    private func joinMessage(for channel: IRCClientConfiguration.ChannelSettings) -> IRCMessage {
        IRCMessage(command: "JOIN", parameters: channel.key.map { [channel.name, $0] } ?? [channel.name])
    }

    private mutating func receiveNickRejected(_ message: IRCMessage) -> [Action] {
        guard phase != .registered else { return [] }
        nickAttempt += 1
        let alternates = configuration.alternateNicks
        let next: String
        if nickAttempt <= alternates.count {
            next = alternates[nickAttempt - 1]
        } else if nickAttempt == alternates.count + 1 {
            next = configuration.nick + "_"
        } else {
            next = String((configuration.nick + "_").prefix(isupport.nickLength.map { $0 - 3 } ?? 12)) + String(nickAttempt * 37 % 1000)
        }
        currentNick = next
        return [.send(IRCMessage(command: "NICK", parameters: [next]), .immediate)]
    }

    // MARK: - Membership and identity

    private func isSelf(_ nick: String) -> Bool { isupport.fold(nick) == isupport.fold(currentNick) }

    private mutating func receiveJoin(_ message: IRCMessage) -> [Action] {
        guard let nick = message.sourceNick, let channel = message.parameters.first else { return [] }
        if isSelf(nick) {
            joinedChannels[isupport.fold(channel)] = channel
            if let source = message.source { selfSource = IRCSource(source) }
            var actions: [Action] = [.emit(.joined(channel: channel))]
            if isupport.supportsWHOX {
                actions.append(.send(IRCMessage(command: "WHO", parameters: [channel, "%tna,152"]), .immediate))
            }
            return actions
        }
        var account: String?? = nil
        if enabledCapabilities.contains("extended-join"), message.parameters.count >= 2 {
            account = .some(message.parameters[1] == "*" ? nil : message.parameters[1])
        } else if enabledCapabilities.contains("account-tag") {
            account = .some(message.account)
        }
        accounts.joined(nick: nick, channel: channel, account: account)
        return []
    }

    private mutating func receivePart(_ message: IRCMessage) -> [Action] {
        guard let nick = message.sourceNick, let channel = message.parameters.first else { return [] }
        if isSelf(nick) {
            joinedChannels[isupport.fold(channel)] = nil
            accounts.weLeft(channel: channel)
        } else {
            accounts.parted(nick: nick, channel: channel)
        }
        return []
    }

    private mutating func receiveKick(_ message: IRCMessage) -> [Action] {
        guard message.parameters.count >= 2 else { return [] }
        let channel = message.parameters[0]
        let victim = message.parameters[1]
        guard isSelf(victim) else {
            accounts.parted(nick: victim, channel: channel)
            return []
        }
        joinedChannels[isupport.fold(channel)] = nil
        accounts.weLeft(channel: channel)
        let reason = message.parameters.count > 2 ? message.parameters[2] : ""
        let settings = configuration.channels.first { isupport.fold($0.name) == isupport.fold(channel) }
            ?? .init(name: channel)
        return [
            .emit(.kicked(channel: channel, by: message.sourceNick ?? "?", reason: reason)),
            .sendLater(joinMessage(for: settings), after: configuration.rejoinDelay),
        ]
    }

    private mutating func receiveNick(_ message: IRCMessage) -> [Action] {
        guard let old = message.sourceNick, let new = message.parameters.first else { return [] }
        if isSelf(old) {
            currentNick = new
            selfSource.nick = new
            return []
        }
        accounts.renamed(from: old, to: new)
        // Asked at once, not behind queued replies: a private reply waiting for this account must find
        // out where the account went before it leaves (see AccountTracker.deliveryNick).
        if isupport.supportsWHOX {
            return [.send(IRCMessage(command: "WHO", parameters: [new, "%tna,152"]), .immediate)]
        }
        return []
    }

    private mutating func receiveWhoReply(_ message: IRCMessage) -> [Action] {
        // 352 me channel user host server nick flags :hops realname
        let p = message.parameters
        guard p.count >= 6, isSelf(p[5]) else { return [] }
        selfSource = IRCSource(nick: currentNick, user: p[2], host: p[3])
        return []
    }

    private mutating func receiveWhoxReply(_ message: IRCMessage) -> [Action] {
        // 354 me 152 nick account — the token tells our own %tna queries from anyone else's.
        let p = message.parameters
        guard p.count >= 4, p[1] == "152" else { return [] }
        let nick = p[2]
        guard !isSelf(nick) else { return [] }
        accounts.setAccount(nick: nick, account: p[3] == "0" ? nil : p[3])
        return []
    }

    // MARK: - Messages

    private mutating func receiveText(_ message: IRCMessage, now: Date) -> [Action] {
        guard message.parameters.count >= 2, let nick = message.sourceNick else { return [] }
        // Server notices and our own echoes are not conversation.
        if message.source?.contains("!") == false || isSelf(nick) { return [] }
        let target = message.parameters[0]
        let text = message.parameters[1]
        let isNotice = message.command == "NOTICE"
        let account = senderAccount(message, nick: nick)
        if let ctcp = CTCP.parse(text) {
            return isNotice ? [] : answerCTCP(ctcp.command, argument: ctcp.argument, to: nick, now: now)
        }
        let channelTarget = target.drop { isupport.statusMessagePrefixes.contains($0) }
        let channel = isupport.isChannel(String(channelTarget)) ? String(channelTarget) : nil
        if channel == nil { accounts.sentDirectly(nick: nick, account: account, at: now) }
        let chat = IRCChatMessage(channel: channel, senderNick: nick, senderAccount: account, text: text,
                                  time: message.serverTime ?? now, messageID: message.tags["msgid"], isNotice: isNotice)
        return [.emit(.message(chat))]
    }

    /// With account-tag negotiated, the tag on the message is authoritative: its absence means the sender
    /// is not logged in. Without it we fall back to what the tracker learned.
    private mutating func senderAccount(_ message: IRCMessage, nick: String) -> String? {
        if enabledCapabilities.contains("account-tag") {
            let account = message.account
            if accounts.isKnown(nick) { accounts.setAccount(nick: nick, account: account) }
            return account
        }
        return accounts.account(of: nick)
    }

    private mutating func answerCTCP(_ command: String, argument: String?, to nick: String, now: Date) -> [Action] {
        let reply: String
        switch command.uppercased() {
        case "VERSION": reply = CTCP.encode(command: "VERSION", argument: configuration.versionReply)
        case "PING": reply = CTCP.encode(command: "PING", argument: argument.map { String($0.prefix(64)) })
        default: return []
        }
        // One CTCP answer every few seconds at most, so a CTCP flood cannot drain our own send budget.
        if let last = lastCTCPReply, now.timeIntervalSince(last) < 5 { return [] }
        lastCTCPReply = now
        return [.send(IRCMessage(command: "NOTICE", parameters: [nick, reply]), .commandReply)]
    }
}

extension IRCSource {
    /// Until the server tells us our user@host, assume the longest the server could relay, so the
    /// splitter never produces a line the server would truncate.
    static func worstCase(nick: String, user: String) -> IRCSource {
        IRCSource(nick: nick, user: "~" + user, host: String(repeating: "x", count: 63))
    }
}
