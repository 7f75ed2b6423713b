public import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Submits messages to the configured server, one connection per message.
///
/// A connection per message keeps each attempt's outcome independent, which is what the outbox's
/// exactly-once bookkeeping needs; at a support desk's volume the extra handshakes do not matter.
public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration
    private let tlsContext: NIOSSLContext?
    private let logger: Logger

    /// Validates the configuration and loads the trust roots once; fails at startup rather than at the
    /// first send.
    public init(configuration: SMTPConfiguration, logger: Logger = Logger(label: "switchboard.smtp")) throws(SMTPConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
        self.logger = logger
        tlsContext = configuration.security == .none ? nil : try SMTPTLS.makeContext(caFile: configuration.caFile)
    }

    /// One attempt. Never throws: every way an attempt can end is a ``SMTPSendResult`` for the outbox.
    /// Cancelling the task closes the connection; the result then follows the same rules as a reset.
    public func send(_ email: OutgoingEmail) async -> SMTPSendResult {
        if let problem = email.validationProblem { return .permanent(reason: problem) }
        let configuration = configuration
        let credentials = configuration.username.flatMap { username in
            configuration.password.map { SMTPConversation.Credentials(username: username, password: $0) }
        }
        let conversation = SMTPConversation(
            email: email, security: configuration.security,
            heloName: configuration.heloName ?? Self.defaultHeloName(for: email), credentials: credentials)
        let settings = SMTPConnectionHandler.Settings(
            host: configuration.host,
            startTLSContext: configuration.security == .startTLS ? tlsContext : nil,
            replyTimeout: TimeAmount(configuration.timeout),
            finalReplyTimeout: TimeAmount(configuration.finalReplyTimeout))
        let implicitTLSContext = configuration.security == .implicitTLS ? tlsContext : nil
        let logger = logger

        let connection: (any Channel, EventLoopFuture<SMTPSendResult>)
        do {
            connection = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(TimeAmount(configuration.timeout))
                .connect(host: configuration.host, port: configuration.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let result = channel.eventLoop.makePromise(of: SMTPSendResult.self)
                        if let implicitTLSContext {
                            let tls = try NIOSSLClientHandler(
                                context: implicitTLSContext, serverHostname: SMTPTLS.serverHostname(for: configuration.host))
                            try channel.pipeline.syncOperations.addHandler(tls)
                        }
                        try channel.pipeline.syncOperations.addHandler(
                            SMTPConnectionHandler(conversation: conversation, settings: settings, result: result, logger: logger))
                        return (channel, result.futureResult)
                    }
                }
        } catch {
            return .retryable(
                reason: "cannot connect to the mail server \(configuration.host):\(configuration.port) "
                    + "(\(SMTPTLS.describe(error, host: configuration.host))); nothing was sent")
        }
        let (channel, resultFuture) = connection
        let result = await withTaskCancellationHandler {
            do {
                return try await resultFuture.get()
            } catch {
                return .retryable(reason: "the SMTP connection ended without an outcome: \(error)")
            }
        } onCancel: {
            channel.close(promise: nil)
        }
        // Let QUIT finish and TLS close cleanly before returning; the handler's timer bounds this.
        try? await channel.closeFuture.get()
        return result
    }

    /// The From domain when it can name us in EHLO, else `localhost`.
    static func defaultHeloName(for email: OutgoingEmail) -> String {
        if let domain = SMTPAddressRules.domain(of: email.from.address).map(String.init), SMTPAddressRules.isValidHeloName(domain) {
            return domain
        }
        return "localhost"
    }
}
