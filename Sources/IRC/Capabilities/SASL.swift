import Foundation

/// Payloads for `AUTHENTICATE`.
public enum SASL {
    /// The largest base64 piece one `AUTHENTICATE` line may carry.
    public static let chunkSize = 400

    /// Base64 of `authzid NUL authcid NUL password` (RFC 4616). RFC 4616 lets the authorisation identity
    /// be empty ("act as the account I authenticate as"), but the IRC client sends the account in both,
    /// as irssi, WeeChat and HexChat do, because that is the form every services package accepts.
    ///
    /// A NUL inside a component would shift the fields; use ``isValidPlainComponent(_:)`` on configuration.
    public static func plainPayload(authorizationIdentity: String = "", authenticationIdentity: String,
                                    password: String) -> String {
        var bytes = Array(authorizationIdentity.utf8)
        bytes.append(0)
        bytes.append(contentsOf: authenticationIdentity.utf8)
        bytes.append(0)
        bytes.append(contentsOf: password.utf8)
        return Data(bytes).base64EncodedString()
    }

    /// True when a PLAIN identity or password cannot corrupt the payload: no NUL.
    public static func isValidPlainComponent(_ text: String) -> Bool {
        !text.utf8.contains(0)
    }

    /// The arguments for successive `AUTHENTICATE` lines: 400-byte pieces, then `+` when the last piece was
    /// exactly 400 bytes (so the server knows nothing more follows) or when the payload is empty.
    public static func authenticateChunks(_ base64Payload: String) -> [String] {
        let bytes = Array(base64Payload.utf8)
        var chunks: [String] = []
        var start = 0
        while start < bytes.count {
            let end = min(start + chunkSize, bytes.count)
            chunks.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end
        }
        if bytes.isEmpty || bytes.count % chunkSize == 0 {
            chunks.append("+")
        }
        return chunks
    }
}
