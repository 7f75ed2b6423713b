import Logging
import NIOCore
import NIOExtras
import NIOSSL
import NIOTLS

/// Carries out an ``SMTPConversation`` on one connection.
///
/// A channel handler rather than a loop over `NIOAsyncChannel`, because STARTTLS must be added at an
/// exact byte: lines are framed here (with `LineBasedFrameDecoder` run by a single-step processor) so
/// that any plain-text bytes left over after the `220` to STARTTLS are seen and refused, instead of
/// sitting in a decoder and being read later as if they had come over TLS (the STARTTLS command
/// injection of CVE-2011-0411).
final class SMTPConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// RFC 5321 allows 512 octets per reply line; this leaves room for servers that go beyond it.
    static let maximumLineBytes = 16 * 1024

    struct Settings {
        var host: String
        /// For STARTTLS; `nil` when the connection stays plain or TLS is already there.
        var startTLSContext: NIOSSLContext?
        var replyTimeout: TimeAmount
        var finalReplyTimeout: TimeAmount
    }

    private var conversation: SMTPConversation
    private var lines = SMTPConnectionHandler.makeLineProcessor()
    private let settings: Settings
    private let result: EventLoopPromise<SMTPSendResult>
    private let logger: Logger
    private var timer: Scheduled<Void>?
    private var startTLSRequested = false
    private var delivered = false

    init(conversation: SMTPConversation, settings: Settings, result: EventLoopPromise<SMTPSendResult>, logger: Logger) {
        self.conversation = conversation
        self.settings = settings
        self.result = result
        self.logger = logger
    }

    private static func makeLineProcessor() -> NIOSingleStepByteToMessageProcessor<LineBasedFrameDecoder> {
        NIOSingleStepByteToMessageProcessor(LineBasedFrameDecoder(), maximumBufferSize: maximumLineBytes)
    }

    func channelActive(context: ChannelHandlerContext) {
        rearmTimer(context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        do {
            try lines.process(buffer: buffer) { line in
                logger.trace("S: \(String(decoding: line.readableBytesView, as: UTF8.self))")
                perform(conversation.received(line: line.readableBytesView), context: context)
            }
        } catch {
            perform(conversation.failed(reason: SMTPTLS.describe(error, host: settings.host)), context: context)
        }
        if startTLSRequested {
            startTLSRequested = false
            beginTLS(context: context)
        }
        rearmTimer(context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let tlsEvent = event as? TLSUserEvent, case .handshakeCompleted = tlsEvent {
            logger.trace("TLS established with \(settings.host)")
            perform(conversation.tlsEstablished(), context: context)
            rearmTimer(context: context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        perform(conversation.failed(reason: SMTPTLS.describe(error, host: settings.host)), context: context)
        rearmTimer(context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        perform(conversation.connectionClosed(), context: context)
        deliver(.retryable(reason: "the connection to \(settings.host) ended before any outcome"))
        context.fireChannelInactive()
    }

    /// Also runs when the connection never came up; the client then reports the connect error itself,
    /// and this only keeps the promise from leaking.
    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        if !delivered {
            delivered = true
            result.succeed(.retryable(reason: "the connection to \(settings.host) was never established"))
        }
    }

    // MARK: Actions

    private func perform(_ actions: [SMTPConversation.Action], context: ChannelHandlerContext) {
        for action in actions {
            switch action {
            case .send(let line, let logLine):
                logger.trace("C: \(logLine)")
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: line)), promise: nil)
            case .startTLS:
                startTLSRequested = true
            case .sendMessage(let payload):
                logger.trace("C: <message, \(payload.count) bytes> then .")
                let payloadWritten = context.eventLoop.makePromise(of: Void.self)
                context.write(wrapOutboundOut(ByteBuffer(bytes: payload)), promise: payloadWritten)
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: DotStuffing.terminator)), promise: nil)
                payloadWritten.futureResult.assumeIsolated().whenFailure { [self] error in
                    perform(conversation.payloadWriteFailed(reason: "\(error)"), context: context)
                }
            case .deliver(let outcome):
                deliver(outcome)
            case .close:
                context.close(promise: nil)
            }
        }
    }

    private func deliver(_ outcome: SMTPSendResult) {
        guard !delivered else { return }
        delivered = true
        logger.debug("SMTP outcome via \(settings.host): \(outcome)")
        result.succeed(outcome)
    }

    /// Puts TLS under the connection, unless plain-text bytes beyond the `220` are waiting: they would
    /// otherwise be taken for the first bytes read over TLS.
    private func beginTLS(context: ChannelHandlerContext) {
        guard conversation.isAwaitingTLSHandshake else { return }
        guard lines.unprocessedBytes == 0, let tlsContext = settings.startTLSContext else {
            perform(
                conversation.failed(
                    reason: settings.startTLSContext == nil
                        ? "no TLS context for STARTTLS"
                        : "the mail server sent more data after agreeing to STARTTLS and before the TLS handshake; "
                            + "refusing to go on, since those bytes could have been injected"),
                context: context)
            return
        }
        lines = Self.makeLineProcessor()
        do {
            let handler = try NIOSSLClientHandler(context: tlsContext, serverHostname: SMTPTLS.serverHostname(for: settings.host))
            try context.pipeline.syncOperations.addHandler(handler, position: .first)
        } catch {
            perform(conversation.failed(reason: SMTPTLS.describe(error, host: settings.host)), context: context)
        }
    }

    private func rearmTimer(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        let delay: TimeAmount
        switch conversation.waiting {
        case .nothing: return
        case .reply: delay = settings.replyTimeout
        case .finalReply: delay = settings.finalReplyTimeout
        }
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: delay) { [self] in
            timer = nil
            logger.debug("SMTP timeout after \(delay) with \(settings.host)")
            perform(conversation.timedOut(), context: context)
        }
    }
}
