/// Sizes fixed by the IRC protocol and the IRCv3 message-tags specification.
public enum IRCLimits {
    /// A whole line after the tags, CRLF included.
    public static let lineBytes = 512
    /// A line after the tags, without the CRLF: what a server relays must fit in this.
    public static let lineBytesWithoutCRLF = 510
    /// Tag data a client may send, without the leading `@` and the space after it.
    public static let clientTagBytes = 4094
    /// Tag data the parser accepts from a server, without the leading `@` and the space after it. The
    /// specification asks clients to take at least 8191 bytes including those two; we are a little lenient.
    public static let receivedTagBytes = 8191
    /// Parameters in one message (14 middle ones and a trailing one).
    public static let maxParameters = 15
}
