/// A mailbox from an address header.
public struct EmailAddress: Sendable, Equatable, Hashable {
    /// The display name (RFC 2047-decoded, unquoted, whitespace collapsed), or the comment of the old
    /// `addr (Full Name)` form; `nil` when there is neither.
    public var name: String?
    /// The addr-spec as written (case kept).
    public var address: String

    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }
}
