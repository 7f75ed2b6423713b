import Crypto
import Foundation
import NIOCore
import NIOExtras
import NIOPosix
import NIOSSL

/// Opens one TCP (and usually TLS) connection framed into lines.
///
/// Verification is on unless the config explicitly turns it off. Without pins: the system roots or a
/// configured CA, and the server's name checked against the certificate. With `tls_fingerprints`, the pin
/// replaces both checks: the leaf's SHA-256 must be one of the pins, whatever CA signed it and whatever
/// names it carries, so a self-signed server works as documented. TLS 1.2 at least either way.
struct IRCTransport: Sendable {
    typealias Connection = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    let sslContext: NIOSSLContext?
    let pins: Set<String>

    init(configuration: IRCClientConfiguration, useTLS: Bool) throws {
        pins = Set(configuration.tlsFingerprints.map { $0.lowercased().filter(\.isHexDigit) })
        guard useTLS else {
            sslContext = nil
            return
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        // Closing waits this long for the server's close_notify: a server that ignores our QUIT may ignore
        // that too, and shutdown must stay within a few seconds (systemd's stop timeout is 30 s).
        tls.shutdownTimeout = .seconds(1)
        do {
            if let caFile = configuration.caFile {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            }
            if configuration.insecureSkipVerify {
                tls.certificateVerification = .none
            } else if !pins.isEmpty {
                // The custom callback below replaces chain verification; this turns off NIOSSL's separate
                // name check, which runs after the handshake and would refuse a self-signed server whose
                // certificate names another host.
                tls.certificateVerification = .noHostnameVerification
            }
            if let certificateFile = configuration.clientCertificateFile {
                tls.certificateChain = try NIOSSLCertificate.fromPEMFile(certificateFile).map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: certificateFile, format: .pem))
            }
            sslContext = try NIOSSLContext(configuration: tls)
        } catch {
            throw IRCClientError.configuration("cannot set up TLS: \(error)")
        }
    }

    func connect(host: String, port: Int, timeout: Duration) async throws -> Connection {
        let sslContext = self.sslContext
        let pins = self.pins
        // SNI and hostname checks take a DNS name; for an IP literal NIOSSL checks the IP SANs instead.
        let serverHostname = host.isIPAddressLiteral ? nil : host
        let connection: Connection
        let tlsEstablished: EventLoopFuture<Void>?
        do {
            (connection, tlsEstablished) = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.milliseconds(Int64(timeout.components.seconds * 1000)))
                .channelOption(.socketOption(.so_keepalive), value: 1)
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        var tlsEstablished: EventLoopFuture<Void>?
                        if let sslContext {
                            let handler: NIOSSLClientHandler
                            if pins.isEmpty {
                                handler = try NIOSSLClientHandler(context: sslContext, serverHostname: serverHostname)
                            } else {
                                handler = try NIOSSLClientHandler(
                                    context: sslContext, serverHostname: serverHostname,
                                    customVerificationCallback: { certificates, promise in
                                        promise.succeed(Self.matchesPin(certificates.first, pins: pins) ? .certificateVerified : .failed)
                                    })
                            }
                            let promise = channel.eventLoop.makePromise(of: Void.self)
                            try channel.pipeline.syncOperations.addHandler(handler)
                            try channel.pipeline.syncOperations.addHandler(TLSHandshakeWaiter(promise: promise))
                            tlsEstablished = promise.futureResult
                        }
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                        return (try Connection(wrappingChannelSynchronously: channel), tlsEstablished)
                    }
                }
        } catch {
            throw IRCClientError.connect("\(host):\(port): \(error)")
        }
        guard let tlsEstablished else { return connection }
        do {
            try await Self.awaitHandshake(tlsEstablished, timeout: timeout)
        } catch {
            try? await connection.channel.close()
            throw Self.describe(error, host: host) ?? IRCClientError.tls("handshake with \(host) failed: \(error)")
        }
        return connection
    }

    /// Bounds the handshake by the connect timeout: a server that accepts TCP and never answers the
    /// ClientHello would otherwise hold the client forever.
    private static func awaitHandshake(_ established: EventLoopFuture<Void>, timeout: Duration) async throws {
        let promise = established.eventLoop.makePromise(of: Void.self)
        let deadline = established.eventLoop.scheduleTask(in: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000)) {
            promise.fail(IRCClientError.tls("no TLS handshake within \(timeout)"))
        }
        established.whenComplete { result in
            deadline.cancel()
            promise.completeWith(result)
        }
        try await promise.futureResult.get()
    }

    static func matchesPin(_ certificate: NIOSSLCertificate?, pins: Set<String>) -> Bool {
        guard let der = try? certificate?.toDERBytes() else { return false }
        let digest = SHA256.hash(data: der).map { String(format: "%02x", $0) }.joined()
        return pins.contains(digest)
    }

    /// Turns NIOSSL's errors into a sentence an operator can act on.
    static func describe(_ error: any Error, host: String) -> IRCClientError? {
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return .tls("the server's certificate is not valid for \(host): \(extra)")
        }
        if let sslError = error as? NIOSSLError {
            switch sslError {
            case .handshakeFailed(let reason):
                return .tls("handshake with \(host) failed (certificate not trusted, wrong host, or TLS < 1.2): \(reason)")
            case .uncleanShutdown:
                return .closed("the server closed the TLS stream without close_notify")
            default:
                return .tls("\(sslError)")
            }
        }
        return nil
    }
}

extension String {
    var isIPAddressLiteral: Bool {
        (try? SocketAddress(ipAddress: self, port: 0)) != nil
    }
}
