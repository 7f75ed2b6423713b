/// The server said something that is not SMTP. The connection cannot be trusted after it.
struct SMTPProtocolError: Error, Sendable, Hashable, CustomStringConvertible {
    var description: String
}
