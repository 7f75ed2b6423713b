/// How the connection to the submission server is protected. The raw values are the config file's
/// `email.smtp.tls` words.
public enum SMTPSecurity: String, Sendable, Hashable, CaseIterable {
    /// Plain TCP upgraded with STARTTLS (port 587). Refuses to go on if the server does not offer it.
    case startTLS = "starttls"
    /// TLS from the first byte (port 465).
    case implicitTLS = "tls"
    /// No encryption at all. Only allowed to a loopback host, such as a local relay.
    case none = "none"

    /// The port a configuration uses when it names none.
    public var defaultPort: Int {
        switch self {
        case .startTLS: 587
        case .implicitTLS: 465
        case .none: 25
        }
    }
}
