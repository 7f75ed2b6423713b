import IRC

/// What of an IRC line may reach a log, at any level (trace included). Both directions pass through here
/// before `<<` / `>>` are logged, so a secret-bearing command is redacted in one place for all paths.
///
/// - `AUTHENTICATE` payloads carry the SASL password (base64 is no encryption); the mechanism name and
///   the bare `+` stay, since they are what one needs to debug a login.
/// - A `JOIN` we send carries channel keys after the channel list (`JOIN #a,#b key1,key2`). A relayed
///   JOIN (with a source) carries an account name there instead, which stays.
/// - `PASS` and `OPER` carry passwords.
enum LogRedaction {
    static let mask = "***"
    /// Mechanism names are listed rather than guessed: a base64 payload can look like a name by chance.
    private static let mechanisms: Set<String> = ["PLAIN", "EXTERNAL", "SCRAM-SHA-1", "SCRAM-SHA-256", "SCRAM-SHA-512"]

    static func redacted(_ line: String) -> String {
        // A line that does not parse was not written by us, so it holds none of our secrets.
        guard let message = try? IRCMessage(parsing: line) else { return line }
        let parameters = message.parameters
        switch message.command.uppercased() {
        case "AUTHENTICATE":
            let argument = parameters.first ?? ""
            return argument == "+" || mechanisms.contains(argument) ? line : "AUTHENTICATE \(mask)"
        case "JOIN" where message.source == nil && parameters.count > 1:
            return "JOIN \(parameters[0]) \(mask)"
        case "PASS":
            return "PASS \(mask)"
        case "OPER" where !parameters.isEmpty:
            return "OPER \(parameters[0]) \(mask)"
        default:
            return line
        }
    }
}
