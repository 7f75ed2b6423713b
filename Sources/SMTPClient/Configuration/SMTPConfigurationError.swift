/// A configuration that must not be used, found before any connection is made.
///
/// A struct around a private enum so new checks can be added without breaking callers that switch on it.
public struct SMTPConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable {
        case emptyHost
        case invalidPort(Int)
        case plaintextToRemoteHost(String)
        case credentialsIncomplete
        case invalidCredentials
        case invalidHeloName(String)
        case tls(String)
    }

    private let kind: Kind

    private init(_ kind: Kind) { self.kind = kind }

    static let emptyHost = Self(.emptyHost)
    static func invalidPort(_ port: Int) -> Self { Self(.invalidPort(port)) }
    static func plaintextToRemoteHost(_ host: String) -> Self { Self(.plaintextToRemoteHost(host)) }
    static let credentialsIncomplete = Self(.credentialsIncomplete)
    static let invalidCredentials = Self(.invalidCredentials)
    static func invalidHeloName(_ name: String) -> Self { Self(.invalidHeloName(name)) }
    static func tls(_ message: String) -> Self { Self(.tls(message)) }

    public var description: String {
        switch kind {
        case .emptyHost:
            "email.smtp.host is empty"
        case .invalidPort(let port):
            "email.smtp.port \(port) is not a TCP port"
        case .plaintextToRemoteHost(let host):
            "email.smtp.tls is none but \(host) is not a loopback host; unencrypted SMTP is only allowed to localhost"
        case .credentialsIncomplete:
            "email.smtp needs both username and password, or neither"
        case .invalidCredentials:
            "email.smtp username and password must not contain line breaks or NUL"
        case .invalidHeloName(let name):
            "email.smtp helo name \"\(name)\" is not a domain name or address literal"
        case .tls(let message):
            "email.smtp TLS setup failed: \(message)"
        }
    }
}
