/// Client-to-client protocol messages: `\x01COMMAND argument\x01` inside PRIVMSG or NOTICE text.
public enum CTCP {
    /// Reads a CTCP message. The closing `\x01` may be missing, as the specification allows. The command is
    /// returned in ASCII upper case; the argument is `nil` when there is no space after the command.
    /// Returns `nil` for ordinary text or an empty command.
    public static func parse(_ text: String) -> (command: String, argument: String?)? {
        let bytes = Array(text.utf8)
        guard bytes.first == 0x01 else { return nil }
        var body = bytes[1...]
        if let close = body.firstIndex(of: 0x01) {
            body = body[..<close]
        }
        let commandEnd = body.firstIndex(of: ASCII.space) ?? body.endIndex
        guard commandEnd > body.startIndex else { return nil }
        let command = ASCII.uppercased(String(decoding: body[..<commandEnd], as: UTF8.self))
        let argument = commandEnd < body.endIndex
            ? String(decoding: body[(commandEnd + 1)...], as: UTF8.self)
            : nil
        return (command, argument)
    }

    /// Frames a CTCP message. `\x01`, CR, LF and NUL are removed from both parts, and spaces from the
    /// command, so that the result is always one well-formed CTCP message.
    public static func encode(command: String, argument: String?) -> String {
        let cleanCommand = String(String.UnicodeScalarView(command.unicodeScalars.filter {
            !isFramingBreaker($0) && $0 != " "
        }))
        var text = "\u{01}" + cleanCommand
        if let argument {
            text += " " + String(String.UnicodeScalarView(argument.unicodeScalars.filter { !isFramingBreaker($0) }))
        }
        return text + "\u{01}"
    }

    /// `/me` text.
    public static func action(_ text: String) -> String {
        encode(command: "ACTION", argument: text)
    }

    private static func isFramingBreaker(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{01}" || scalar == "\r" || scalar == "\n" || scalar == "\0"
    }
}
