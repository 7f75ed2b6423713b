/// Why a connection could not be used. A struct around a private enum, so cases can be added later
/// without breaking callers that switch on them.
public struct IRCClientError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Equatable, Sendable {
        case tls(String)
        case connect(String)
        case saslFailed(String)
        case timeout(String)
        case closed(String)
        case configuration(String)
        case stsRequiresTLS(port: Int)
    }

    private let kind: Kind

    public static func tls(_ detail: String) -> Self { Self(kind: .tls(detail)) }
    public static func connect(_ detail: String) -> Self { Self(kind: .connect(detail)) }
    public static func saslFailed(_ detail: String) -> Self { Self(kind: .saslFailed(detail)) }
    public static func timeout(_ detail: String) -> Self { Self(kind: .timeout(detail)) }
    public static func closed(_ detail: String) -> Self { Self(kind: .closed(detail)) }
    public static func configuration(_ detail: String) -> Self { Self(kind: .configuration(detail)) }
    public static func stsRequiresTLS(port: Int) -> Self { Self(kind: .stsRequiresTLS(port: port)) }

    public var isSASLFailure: Bool { if case .saslFailed = kind { true } else { false } }
    public var isTLSFailure: Bool { if case .tls = kind { true } else { false } }

    public var description: String {
        switch kind {
        case .tls(let detail): "TLS failure: \(detail)"
        case .connect(let detail): "could not connect: \(detail)"
        case .saslFailed(let detail): detail
        case .timeout(let detail): "timed out: \(detail)"
        case .closed(let detail): "connection closed: \(detail)"
        case .configuration(let detail): "IRC configuration: \(detail)"
        case .stsRequiresTLS(let port): "the server requires TLS (STS) on port \(port)"
        }
    }
}
