/// Where and how to submit mail: the `email.smtp` section of the config.
public struct SMTPConfiguration: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var security: SMTPSecurity
    public var username: String?
    public var password: String?
    /// A PEM file of CA certificates to trust instead of the system roots (a private CA).
    public var caFile: String?
    /// The name we give in EHLO. `nil` uses the domain of the message's From address.
    public var heloName: String?
    /// How long to wait for the connection and for each ordinary reply.
    public var timeout: Duration
    /// How long to wait for the reply after the final `.`. RFC 5321 §4.5.3.2.6 asks for 10 minutes, since
    /// servers scan the message before answering; giving up early turns a delivery into an `unknown`.
    public var finalReplyTimeout: Duration

    public init(
        host: String, port: Int? = nil, security: SMTPSecurity = .startTLS, username: String? = nil,
        password: String? = nil, caFile: String? = nil, heloName: String? = nil, timeout: Duration = .seconds(60),
        finalReplyTimeout: Duration = .seconds(600)
    ) {
        self.host = host
        self.port = port ?? security.defaultPort
        self.security = security
        self.username = username
        self.password = password
        self.caFile = caFile
        self.heloName = heloName
        self.timeout = timeout
        self.finalReplyTimeout = finalReplyTimeout
    }

    /// The checks that need no IO, for `check-config` as well as for the client.
    public func validate() throws(SMTPConfigurationError) {
        if host.isEmpty { throw .emptyHost }
        if !(1...65535).contains(port) { throw .invalidPort(port) }
        if security == .none, !Self.isLoopback(host: host) { throw .plaintextToRemoteHost(host) }
        if (username == nil) != (password == nil) { throw .credentialsIncomplete }
        for value in [username, password].compactMap(\.self) where value.contains(where: { $0 == "\0" || $0.isNewline }) {
            throw .invalidCredentials
        }
        if let heloName, !SMTPAddressRules.isValidHeloName(heloName) { throw .invalidHeloName(heloName) }
    }

    /// Whether `host` names this machine, the only place mail may go unencrypted.
    public static func isLoopback(host: String) -> Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered == "::1" || lowered == "[::1]" { return true }
        let octets = lowered.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
