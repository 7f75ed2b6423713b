/// Makes customer text safe to relay into IRC as a single line.
///
/// Customers must not be able to act on an agent's client: no second command (CR, LF, NUL), no CTCP
/// (`\x01`), no mIRC formatting that hides or recolours text, and no bidi override that makes text read
/// differently from what it is. Bidi *marks* (LRM, RLM, ALM) stay, because Arabic and Urdu text uses them
/// legitimately, as do ZWJ and ZWNJ, which emoji and Persian script need.
public enum IRCSanitizer {
    /// - CR, LF, tab and every other Unicode whitespace (NEL, U+2028, NBSP…) become a space, and runs of
    ///   whitespace collapse to one; leading and trailing whitespace is dropped.
    /// - `\x03` colour codes are removed with their `fg[,bg]` digits, `\x04` hex colours with their
    ///   `RRGGBB[,RRGGBB]`, and the toggles `\x02 \x0F \x11 \x16 \x1D \x1E \x1F`.
    /// - `\x01`, NUL and every other C0 or C1 control and DEL are removed.
    /// - Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed.
    public static func singleLine(_ customerText: String) -> String {
        let scalars = Array(customerText.unicodeScalars)
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        var index = 0

        func isDigit(_ at: Int) -> Bool {
            at < scalars.count && ("0"..."9").contains(scalars[at])
        }
        func isHex(_ at: Int) -> Bool {
            at < scalars.count && scalars[at].isASCII && ASCII.isHexDigit(UInt8(scalars[at].value))
        }
        func hexRun(from start: Int) -> Bool {
            (start..<(start + 6)).allSatisfy(isHex)
        }

        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar.value {
            case 0x03:
                index += 1
                let digitsStart = index
                while index < digitsStart + 2, isDigit(index) { index += 1 }
                if index > digitsStart, index < scalars.count, scalars[index] == ",", isDigit(index + 1) {
                    index += 1
                    let backgroundStart = index
                    while index < backgroundStart + 2, isDigit(index) { index += 1 }
                }
            case 0x04:
                index += 1
                if hexRun(from: index) {
                    index += 6
                    if index < scalars.count, scalars[index] == ",", hexRun(from: index + 1) {
                        index += 7
                    }
                }
            default:
                if scalar.properties.isWhitespace {
                    pendingSpace = true
                } else if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                    || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) {
                    // Dropped: controls, formatting toggles, CTCP and bidi overrides.
                } else {
                    if pendingSpace, !output.isEmpty { output.append(" ") }
                    pendingSpace = false
                    output.append(scalar)
                }
                index += 1
            }
        }
        return String(output)
    }
}
