/// How the body travels, chosen per message and per server.
public enum BodyTransferEncoding: String, Sendable, Hashable {
    /// ASCII with short lines: sent as it is.
    case sevenBit = "7bit"
    /// UTF-8 sent as it is, because the server announced 8BITMIME (and `BODY=8BITMIME` is declared).
    case eightBit = "8bit"
    /// Everything else: non-ASCII without 8BITMIME, over-long lines, NUL bytes.
    case quotedPrintable = "quoted-printable"
}
