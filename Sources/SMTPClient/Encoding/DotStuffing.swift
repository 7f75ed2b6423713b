/// SMTP's transparency rule (RFC 5321 §4.5.2): inside DATA a line that begins with `.` gets a second
/// one, so that no line of the message can be mistaken for the end-of-data marker.
enum DotStuffing {
    /// What ends the DATA payload. Written separately, because it is the moment after which a failure
    /// makes the outcome unknown.
    static let terminator: [UInt8] = Array(".\r\n".utf8)

    /// The message ready for DATA, without the terminator: every line that starts with `.` doubled, and
    /// a final CRLF added when missing (the terminator must start a line of its own). A dot is stuffed
    /// after a bare LF as well, since some servers treat a bare LF as a line end.
    static func stuff(_ message: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(message.count + message.count / 64 + 2)
        var atLineStart = true
        for byte in message {
            if atLineStart && byte == ASCIIBytes.dot { output.append(ASCIIBytes.dot) }
            output.append(byte)
            atLineStart = byte == ASCIIBytes.lf
        }
        if !output.isEmpty && !(output.count >= 2 && output[output.count - 2] == ASCIIBytes.cr && output[output.count - 1] == ASCIIBytes.lf) {
            output.append(contentsOf: ASCIIBytes.crlf)
        }
        return output
    }
}
