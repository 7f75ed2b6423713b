/// An additional header field for an outgoing message (for example `X-Switchboard-Ticket: 42`).
///
/// The value is treated as unstructured text: it is cleaned of line breaks, RFC 2047-encoded where it
/// is not ASCII, and folded. Fields whose names the composer writes itself are ignored, so an extra
/// header can never duplicate or override From, To, Subject, Message-ID and the like.
public struct OutgoingHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// The fields the composer owns.
    static let reservedNames: Set<String> = [
        "from", "to", "cc", "bcc", "subject", "date", "message-id", "in-reply-to", "references", "auto-submitted",
        "mime-version", "content-type", "content-transfer-encoding", "sender", "reply-to",
    ]

    /// RFC 5322 `field-name`: printable ASCII except the colon, and not one of ours.
    var isUsable: Bool {
        !name.isEmpty && name.utf8.count <= 76 && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") }
            && !Self.reservedNames.contains(name.lowercased())
    }
}
