/// A mailbox as it appears in From, To and Cc: an optional display name and an address.
public struct Mailbox: Sendable, Hashable {
    /// Shown by mail clients; RFC 2047-encoded when it is not plain ASCII.
    public var name: String?
    /// The addr-spec, without angle brackets. Non-ASCII addresses need a server offering SMTPUTF8.
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    var isASCII: Bool { address.utf8.allSatisfy { $0 < 0x80 } }
}
