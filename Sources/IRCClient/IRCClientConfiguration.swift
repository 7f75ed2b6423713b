
/// Everything the client needs to reach one network. Values come from the `irc:` section of the config;
/// the executable validates them first, so this type trusts what it is given.
public struct IRCClientConfiguration: Sendable {
    public struct SASLSettings: Sendable {
        public enum Mechanism: String, Sendable { case plain = "PLAIN", external = "EXTERNAL" }
        public var mechanism: Mechanism
        public var account: String
        public var password: String?

        public init(mechanism: Mechanism, account: String, password: String? = nil) {
            self.mechanism = mechanism
            self.account = account
            self.password = password
        }
    }

    public struct ChannelSettings: Sendable, Hashable {
        public var name: String
        public var key: String?

        public init(name: String, key: String? = nil) {
            self.name = name
            self.key = key
        }
    }

    public var host: String
    public var port: Int
    public var useTLS: Bool
    /// PEM file of trust roots that replace the system roots (a private CA, as in the test network).
    public var caFile: String?
    /// SHA-256 fingerprints (hex) of acceptable leaf certificates. With pins, a match replaces the CA and
    /// host-name checks, so a pinned self-signed server is accepted whatever names its certificate carries.
    public var tlsFingerprints: [String]
    /// Turns certificate verification off. Only an explicit config flag sets it, and the client warns loudly.
    public var insecureSkipVerify: Bool
    /// PEM file holding the client certificate and its key, for SASL EXTERNAL.
    public var clientCertificateFile: String?
    public var nick: String
    public var alternateNicks: [String]
    public var username: String
    public var realname: String
    public var sasl: SASLSettings?
    public var channels: [ChannelSettings]
    public var floodBurst: Int
    public var floodInterval: Duration
    /// Quiet time after which the client sends its own PING.
    public var keepaliveInterval: Duration
    /// How long to wait for any line after our PING before the connection is declared dead.
    public var keepaliveTimeout: Duration
    public var reconnect: ReconnectPolicy
    public var rejoinDelay: Duration
    public var connectTimeout: Duration
    /// How long `shutdown()` waits after QUIT for the server to close the link before closing it itself.
    public var quitTimeout: Duration
    public var versionReply: String
    /// The services nick watched with MONITOR, so the application learns when accounts cannot be
    /// verified (Atheme unlinked) and when they can again; nil turns the watch off.
    public var servicesNick: String?
    /// With SASL configured, a server that does not offer SASL right now (services unlinked) is joined
    /// without logging in, and the login follows as soon as the server offers SASL again (`CAP NEW`).
    /// The bot stays on the network through a services outage; wrong credentials still drop the link.
    public var waitsForServices: Bool
    /// How often the services nick's presence is re-checked (`MONITOR S`). InspIRCd does not always push
    /// a 731 when Atheme leaves with a clean SQUIT, so the push alone could miss an outage.
    public var servicesCheckInterval: Duration

    public init(
        host: String,
        port: Int = 6697,
        useTLS: Bool = true,
        caFile: String? = nil,
        tlsFingerprints: [String] = [],
        insecureSkipVerify: Bool = false,
        clientCertificateFile: String? = nil,
        nick: String,
        alternateNicks: [String] = [],
        username: String? = nil,
        realname: String = "Switchboard support desk",
        sasl: SASLSettings? = nil,
        channels: [ChannelSettings] = [],
        floodBurst: Int = 4,
        floodInterval: Duration = .seconds(2),
        keepaliveInterval: Duration = .seconds(90),
        keepaliveTimeout: Duration = .seconds(30),
        reconnect: ReconnectPolicy = ReconnectPolicy(),
        rejoinDelay: Duration = .seconds(5),
        connectTimeout: Duration = .seconds(15),
        quitTimeout: Duration = .seconds(3),
        versionReply: String = "Switchboard (Swift)",
        servicesNick: String? = "NickServ",
        waitsForServices: Bool = true,
        servicesCheckInterval: Duration = .seconds(30)
    ) {
        self.host = host
        self.port = port
        self.useTLS = useTLS
        self.caFile = caFile
        self.tlsFingerprints = tlsFingerprints
        self.insecureSkipVerify = insecureSkipVerify
        self.clientCertificateFile = clientCertificateFile
        self.nick = nick
        self.alternateNicks = alternateNicks
        self.username = username ?? nick
        self.realname = realname
        self.sasl = sasl
        self.channels = channels
        self.floodBurst = floodBurst
        self.floodInterval = floodInterval
        self.keepaliveInterval = keepaliveInterval
        self.keepaliveTimeout = keepaliveTimeout
        self.reconnect = reconnect
        self.rejoinDelay = rejoinDelay
        self.connectTimeout = connectTimeout
        self.quitTimeout = quitTimeout
        self.versionReply = versionReply
        self.servicesNick = servicesNick
        self.waitsForServices = waitsForServices
        self.servicesCheckInterval = servicesCheckInterval
    }
}
