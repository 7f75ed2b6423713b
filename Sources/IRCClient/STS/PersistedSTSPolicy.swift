public import Foundation

/// An IRCv3 STS persistence policy as the client remembers it: for this host, connect only with TLS, to
/// this port, until `expiresAt`. Wall-clock time, because it has to mean the same after a restart.
public struct PersistedSTSPolicy: Sendable, Equatable {
    /// The configured host name, lower-cased: a policy belongs to the name, not to an address.
    public var host: String
    public var port: Int
    public var expiresAt: Date

    public init(host: String, port: Int, expiresAt: Date) {
        self.host = host.lowercased()
        self.port = port
        self.expiresAt = expiresAt
    }
}
