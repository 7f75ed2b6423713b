import NIOCore
import NIOSSL

/// The TLS side of the transport: one verifying client context, and NIOSSL's errors in words an
/// operator can act on.
enum SMTPTLS {
    /// Full verification (chain and host name), TLS 1.2 at least, trusting the system roots or only the
    /// CAs in `caFile`.
    static func makeContext(caFile: String?) throws(SMTPConfigurationError) -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        do {
            if let caFile {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            }
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw .tls(caFile.map { "cannot load ca_file \($0): \(error)" } ?? "\(error)")
        }
    }

    /// The name for SNI and for checking the certificate. An IP literal is not allowed in SNI; with `nil`
    /// NIOSSL checks the certificate's IP addresses against the peer instead.
    static func serverHostname(for host: String) -> String? {
        (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }

    static func describe(_ error: any Error, host: String) -> String {
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return "TLS refused: the mail server's certificate is not valid for \(host)"
        }
        if let sslError = error as? NIOSSLError {
            switch sslError {
            case .handshakeFailed(let reason):
                let detail = "\(reason)"
                if detail.contains("CERTIFICATE_VERIFY_FAILED") {
                    return "TLS refused: the mail server's certificate for \(host) is not trusted "
                        + "(not issued by a CA in the system roots or ca_file, or expired)"
                }
                return "TLS handshake with \(host) failed (TLS 1.2 or later required; \(detail))"
            case .uncleanShutdown:
                return "the mail server closed the TLS connection without close_notify"
            default:
                return "TLS error with \(host): \(sslError)"
            }
        }
        if let ioError = error as? IOError {
            return "connection to \(host) failed: \(ioError.description)"
        }
        if error is ByteToMessageDecoderError.PayloadTooLargeError {
            return "the mail server sent a line longer than \(SMTPConnectionHandler.maximumLineBytes) bytes"
        }
        return "connection to \(host) failed: \(error)"
    }
}
