/// A message turned into the octets that go after DATA (before dot-stuffing), with what the envelope
/// must declare about them.
public struct RenderedEmail: Sendable, Hashable {
    /// Header and body, CRLF line breaks, every line at most 998 octets.
    public var bytes: [UInt8]
    public var bodyEncoding: BodyTransferEncoding
    /// An address is not ASCII, so the server must offer SMTPUTF8 (RFC 6531) and MAIL FROM must ask for it.
    public var requiresSMTPUTF8: Bool
}
