import NIOCore
import NIOSSL
import NIOTLS

/// Completes once TLS is established, so that a refused certificate surfaces as the TLS error.
///
/// Without it the client writes `CAP LS` straight after the TCP connect, and whichever of that write or
/// the handshake failure is noticed first wins: often the write, with an unhelpful "I/O on closed
/// channel" instead of "certificate not trusted".
final class TLSHandshakeWaiter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    let established: EventLoopPromise<Void>

    init(promise: EventLoopPromise<Void>) {
        established = promise
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let tlsEvent = event as? TLSUserEvent, case .handshakeCompleted = tlsEvent {
            established.succeed()
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        established.fail(error)
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        established.fail(ChannelError.ioOnClosedChannel)
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        established.fail(ChannelError.ioOnClosedChannel)
    }
}
