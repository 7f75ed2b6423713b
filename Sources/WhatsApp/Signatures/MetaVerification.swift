/// Meta's webhook verification handshake: `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`.
///
/// The challenge is echoed (200, text/plain) only when the mode is `subscribe` and the token equals the
/// configured one; anything else is a 403. An empty configured token never matches, so a deployment
/// that forgot the secret cannot be subscribed by a stranger.
public enum MetaVerification {
    /// The challenge to echo, or nil for 403.
    public static func challenge(queryItems: [(String, String)], verifyToken: String) -> String? {
        func first(_ name: String) -> String? {
            queryItems.first { $0.0 == name }?.1
        }
        guard !verifyToken.isEmpty,
              first("hub.mode") == "subscribe",
              let token = first("hub.verify_token"),
              ConstantTime.equals(token, verifyToken),
              let challenge = first("hub.challenge"),
              !challenge.isEmpty
        else {
            return nil
        }
        return challenge
    }

    /// The same, from the raw query string (without `?`); an undecodable query is a 403.
    public static func challenge(query: String, verifyToken: String) -> String? {
        guard let pairs = try? FormURLEncoded.decode(Array(query.utf8)) else {
            return nil
        }
        return challenge(queryItems: pairs, verifyToken: verifyToken)
    }
}
