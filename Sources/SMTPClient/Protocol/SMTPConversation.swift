import Foundation

/// One submission, as a state machine over reply lines: greeting, EHLO, STARTTLS, EHLO again, AUTH,
/// MAIL, RCPT, DATA, the message, QUIT.
///
/// It does no IO. The transport feeds it events (a line arrived, TLS is up, the connection closed, a
/// timer fired, a write failed) and carries out the actions it returns. Keeping the decisions here is
/// what lets tests check every outcome without a socket, and the outcome rules are the point: before the
/// final `.` is written any failure is retryable; after it, only a reply decides, and its absence makes
/// the result unknown.
struct SMTPConversation: Sendable {
    struct Credentials: Sendable, Hashable {
        var username: String
        var password: String
    }

    enum Action: Sendable, Hashable {
        /// Write one command line (CRLF included). `logLine` is the same with credentials hidden.
        case send(line: [UInt8], logLine: String)
        /// Put TLS under the connection now. Nothing more may be read in plain text.
        case startTLS
        /// Write the dot-stuffed message, then ``DotStuffing/terminator``.
        case sendMessage(payload: [UInt8])
        /// The outcome is decided. Comes exactly once per conversation.
        case deliver(SMTPSendResult)
        case close
    }

    /// What the transport's timer should wait for.
    enum Wait: Sendable, Hashable {
        case nothing
        case reply
        /// The reply after the final `.`, which may take minutes.
        case finalReply
    }

    private enum State: Sendable, Hashable {
        case greeting
        case ehlo
        case startTLS
        case tlsHandshake
        case authPlain
        case authLoginUsername
        case authLoginPassword
        case authLoginResult
        case mailFrom
        case recipient(Int)
        case data
        case finalReply
        case quit
        case closed
    }

    private let email: OutgoingEmail
    private let security: SMTPSecurity
    private let heloName: String
    private let credentials: Credentials?
    private var state = State.greeting
    private var tlsActive: Bool
    private var parser = SMTPReplyParser()
    private var capabilities: SMTPCapabilities?
    /// The dot-stuffed message, rendered once the server's extensions are known.
    private var payload: [UInt8]?
    /// The decided outcome, once there is one.
    private(set) var result: SMTPSendResult?

    init(email: OutgoingEmail, security: SMTPSecurity, heloName: String, credentials: Credentials?) {
        self.email = email
        self.security = security
        self.heloName = heloName
        self.credentials = credentials
        self.tlsActive = security == .implicitTLS
    }

    var waiting: Wait {
        switch state {
        case .finalReply: .finalReply
        case .closed: .nothing
        default: .reply
        }
    }

    var isAwaitingTLSHandshake: Bool { state == .tlsHandshake }

    // MARK: Events

    mutating func received<Line: Collection<UInt8>>(line: Line) -> [Action] {
        if state == .closed { return [] }
        if state == .tlsHandshake {
            return abort(
                "the mail server sent more data after agreeing to STARTTLS and before the TLS handshake; "
                    + "refusing to go on, since those bytes could have been injected")
        }
        let reply: SMTPReply
        do {
            guard let complete = try parser.feed(line) else { return [] }
            reply = complete
        } catch {
            return abort("the mail server's answer is not valid SMTP (\(error.description))")
        }
        return received(reply)
    }

    mutating func tlsEstablished() -> [Action] {
        guard state == .tlsHandshake else { return [] }
        tlsActive = true
        // RFC 3207 §4.2: forget everything learnt in plain text and ask again.
        capabilities = nil
        state = .ehlo
        return [command("EHLO \(heloName)")]
    }

    /// The server closed the connection (or it broke) without an error of its own.
    mutating func connectionClosed() -> [Action] {
        let actions = abort("the mail server closed the connection", closing: false)
        state = .closed
        return actions
    }

    /// A transport error: TLS refused, reset, unreadable data. `reason` is already in plain words.
    mutating func failed(reason: String) -> [Action] {
        abort(reason)
    }

    mutating func timedOut() -> [Action] {
        switch state {
        case .closed: return []
        case .quit:
            state = .closed
            return [.close]
        default:
            return abort("no answer from the mail server in time")
        }
    }

    /// Writing the message body failed, so its terminator cannot have been written after it.
    mutating func payloadWriteFailed(reason: String) -> [Action] {
        guard state == .finalReply, result == nil else { return [] }
        return finish(.retryable(reason: "the connection failed while the message was being sent, before its end (\(reason))"), quit: false)
    }

    // MARK: Replies

    private mutating func received(_ reply: SMTPReply) -> [Action] {
        switch state {
        case .greeting:
            guard reply.code == 220 else { return refused(reply, "the mail server is not accepting connections") }
            state = .ehlo
            return [command("EHLO \(heloName)")]

        case .ehlo:
            guard reply.codeClass == 2 else { return refused(reply, "the mail server refused our EHLO greeting") }
            let capabilities = SMTPCapabilities(ehloReply: reply)
            self.capabilities = capabilities
            if security == .startTLS && !tlsActive {
                guard capabilities.startTLS else {
                    return finish(
                        .retryable(
                            reason: "the mail server does not offer STARTTLS and the configuration requires it; "
                                + "nothing was sent in plain text"),
                        quit: true)
                }
                state = .startTLS
                return [command("STARTTLS")]
            }
            return authenticateOrSend()

        case .startTLS:
            guard reply.code == 220 else { return refused(reply, "the mail server refused to start TLS") }
            state = .tlsHandshake
            return [.startTLS]

        case .authPlain, .authLoginResult:
            guard reply.code == 235 else {
                return refused(reply, "the mail server refused the login for \(credentials?.username ?? "")")
            }
            return mailFrom()

        case .authLoginUsername, .authLoginPassword:
            guard reply.code == 334, let credentials else {
                return refused(reply, "the mail server refused the login for \(credentials?.username ?? "")")
            }
            let isUsername = state == .authLoginUsername
            state = isUsername ? .authLoginPassword : .authLoginResult
            let secret = isUsername ? credentials.username : credentials.password
            return [.send(line: Array((Self.base64(secret) + "\r\n").utf8), logLine: isUsername ? "<username>" : "<password>")]

        case .mailFrom:
            guard reply.codeClass == 2 else { return refused(reply, "the mail server refused the sender \(email.from.address)") }
            return recipient(0)

        case .recipient(let index):
            guard reply.codeClass == 2 else {
                return refused(reply, "the mail server refused the recipient \(email.recipients[index].address)")
            }
            if index + 1 < email.recipients.count { return recipient(index + 1) }
            state = .data
            return [command("DATA")]

        case .data:
            guard reply.code == 354, let payload else {
                return refused(reply, "the mail server refused to take the message (DATA)")
            }
            state = .finalReply
            return [.sendMessage(payload: payload)]

        case .finalReply:
            switch reply.codeClass {
            case 2: return finish(.accepted(serverReply: reply.description), quit: true)
            case 4: return refused(reply, "the mail server deferred the message")
            case 5: return refused(reply, "the mail server rejected the message")
            default:
                return finish(
                    .unknown(reason: "the mail server answered the end of the message with \(reply); it may have been delivered"),
                    quit: true)
            }

        case .quit:
            state = .closed
            return [.close]

        case .tlsHandshake, .closed:
            return []
        }
    }

    private mutating func authenticateOrSend() -> [Action] {
        guard let credentials, let capabilities else { return mailFrom() }
        // Credentials only ever travel under TLS, or in the plain-text mode that is limited to localhost.
        guard tlsActive || security == .none else {
            return finish(.retryable(reason: "refusing to send credentials without TLS"), quit: true)
        }
        let mechanisms = capabilities.authMechanisms
        if mechanisms.contains("PLAIN") {
            state = .authPlain
            let response = Self.base64("\0\(credentials.username)\0\(credentials.password)")
            return [.send(line: Array("AUTH PLAIN \(response)\r\n".utf8), logLine: "AUTH PLAIN <credentials>")]
        }
        if mechanisms.contains("LOGIN") {
            state = .authLoginUsername
            return [command("AUTH LOGIN")]
        }
        let offered = mechanisms.isEmpty ? "none" : mechanisms.sorted().joined(separator: ", ")
        return finish(
            .retryable(reason: "the mail server offers neither AUTH PLAIN nor AUTH LOGIN (offered: \(offered)), so we cannot log in"),
            quit: true)
    }

    private mutating func mailFrom() -> [Action] {
        guard let capabilities else { return abort("no EHLO capabilities") }
        if let problem = email.validationProblem { return finish(.permanent(reason: problem), quit: true) }
        let rendered = email.rendering(eightBit: capabilities.eightBitMIME)
        if rendered.requiresSMTPUTF8 && !capabilities.smtpUTF8 {
            return finish(
                .permanent(reason: "an address is not ASCII and the mail server does not support SMTPUTF8, so it cannot take the message"),
                quit: true)
        }
        let size = rendered.bytes.count
        if let limit = capabilities.sizeLimit, size > limit {
            return finish(.permanent(reason: "the message is \(size) bytes, more than the mail server's limit of \(limit) bytes"), quit: true)
        }
        var line = "MAIL FROM:<\(email.from.address)>"
        if rendered.bodyEncoding == .eightBit || (rendered.requiresSMTPUTF8 && capabilities.eightBitMIME) { line += " BODY=8BITMIME" }
        if rendered.requiresSMTPUTF8 { line += " SMTPUTF8" }
        if capabilities.supportsSize { line += " SIZE=\(size)" }
        payload = DotStuffing.stuff(rendered.bytes)
        state = .mailFrom
        return [command(line)]
    }

    private mutating func recipient(_ index: Int) -> [Action] {
        state = .recipient(index)
        return [command("RCPT TO:<\(email.recipients[index].address)>")]
    }

    // MARK: Outcomes

    /// A reply that ends the attempt: 4xx is retryable, 5xx permanent; anything else before the message
    /// was sent is a confused server, and retryable since nothing was delivered.
    private mutating func refused(_ reply: SMTPReply, _ what: String) -> [Action] {
        let reason = "\(what): \(reply)"
        let result: SMTPSendResult =
            switch reply.codeClass {
            case 5: .permanent(reason: reason)
            case 4: .retryable(reason: reason)
            default: .retryable(reason: "\(what): unexpected reply \(reply)")
            }
        // 421 means the server is closing the connection itself (RFC 5321 §3.8).
        return finish(result, quit: reply.code != 421)
    }

    /// Ends the attempt because the connection is unusable. Before the final `.` nothing can have been
    /// delivered; after it, the server may have the message.
    private mutating func abort(_ reason: String, closing: Bool = true) -> [Action] {
        switch state {
        case .closed:
            return []
        case .quit:
            state = .closed
            return closing ? [.close] : []
        case .finalReply:
            return finish(
                .unknown(reason: "\(reason) after the whole message was sent and before the server confirmed it; it may have been delivered"),
                quit: false, closing: closing)
        default:
            return finish(.retryable(reason: "\(reason) while waiting for \(waitingFor); nothing was delivered"), quit: false, closing: closing)
        }
    }

    private mutating func finish(_ outcome: SMTPSendResult, quit: Bool, closing: Bool = true) -> [Action] {
        var actions: [Action] = []
        if result == nil {
            result = outcome
            actions.append(.deliver(outcome))
        }
        if quit {
            state = .quit
            actions.append(command("QUIT"))
        } else {
            state = .closed
            if closing { actions.append(.close) }
        }
        return actions
    }

    private var waitingFor: String {
        switch state {
        case .greeting: "the server's greeting"
        case .ehlo: "the reply to EHLO"
        case .startTLS: "the reply to STARTTLS"
        case .tlsHandshake: "the TLS handshake"
        case .authPlain, .authLoginUsername, .authLoginPassword, .authLoginResult: "the reply to AUTH"
        case .mailFrom: "the reply to MAIL FROM"
        case .recipient: "the reply to RCPT TO"
        case .data: "the reply to DATA"
        case .finalReply: "the reply to the end of the message"
        case .quit: "the reply to QUIT"
        case .closed: "nothing"
        }
    }

    private func command(_ text: String) -> Action {
        .send(line: Array((text + "\r\n").utf8), logLine: text)
    }

    private static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}
