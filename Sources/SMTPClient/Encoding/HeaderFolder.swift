/// Writes a header field and folds it (RFC 5322 §2.2.3) so that lines stay near 76 characters and
/// never pass 998 octets.
enum HeaderFolder {
    static let preferredLineLength = 76

    /// `Name: token token…` with CRLF, folding between tokens. Each token must be unbreakable and short
    /// enough for a line of its own, which the encoders guarantee.
    static func field(_ name: String, tokens: [String]) -> [UInt8] {
        var output = Array(name.utf8)
        output.append(UInt8(ascii: ":"))
        var column = output.count
        for (index, token) in tokens.enumerated() {
            let width = token.utf8.count
            if index > 0 && column + 1 + width > preferredLineLength {
                output.append(contentsOf: ASCIIBytes.crlf)
                column = 0
            }
            output.append(ASCIIBytes.space)
            output.append(contentsOf: token.utf8)
            column += 1 + width
        }
        output.append(contentsOf: ASCIIBytes.crlf)
        return output
    }
}
