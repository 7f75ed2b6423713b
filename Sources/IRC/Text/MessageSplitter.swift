/// Splits `PRIVMSG`/`NOTICE` text into pieces whose relayed lines fit in 512 bytes.
///
/// The server relays `:nick!user@host PRIVMSG <target> :<text>\r\n`, so the budget for the text is
/// 510 − len(`:nick!user@host `) − len(`PRIVMSG <target> :`), all in UTF-8 bytes.
///
/// **Rejoining:** the pieces concatenate to the original text exactly, `pieces.joined() == text`. A break
/// falls just after a whitespace character, and that whitespace stays at the end of the earlier piece.
/// Empty text gives no pieces.
///
/// **Where it breaks:** after the last whitespace that fits; with none, at the last grapheme-cluster
/// boundary that fits, so Arabic with its marks, Devanagari conjuncts, Thai clusters and emoji ZWJ
/// sequences stay whole. Only a single grapheme larger than the whole budget (hundreds of stacked
/// combining marks) is cut, at Unicode scalar boundaries, so the output is still valid UTF-8 and still fits.
/// The only case that cannot fit is a budget below 4 bytes, when even one scalar may not; then each piece
/// is one scalar, to make progress.
///
/// The text should already be a single line (see ``IRCSanitizer``); the splitter counts bytes, it does
/// not clean them.
public struct MessageSplitter: Sendable {
    /// The text budget in UTF-8 bytes for one relayed line.
    public static func budget(command: String = "PRIVMSG", target: String, source: IRCSource) -> Int {
        let prefix = 1 + source.description.utf8.count + 1
        let verb = command.utf8.count + 1 + target.utf8.count + 2
        return IRCLimits.lineBytesWithoutCRLF - prefix - verb
    }

    public static func split(_ text: String, command: String = "PRIVMSG", target: String,
                             source: IRCSource) -> [String] {
        split(text, maxBytes: budget(command: command, target: target, source: source))
    }

    /// Splits with an explicit budget, for callers that account for extra bytes themselves (CTCP framing).
    public static func split(_ text: String, maxBytes: Int) -> [String] {
        let limit = max(maxBytes, 1)
        var pieces: [String] = []
        var pieceStart = text.startIndex
        var pieceBytes = 0
        var lastBreak: String.Index?
        var index = text.startIndex

        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            let size = character.utf8.count
            if pieceBytes + size <= limit {
                pieceBytes += size
                if character.isWhitespace { lastBreak = next }
                index = next
                continue
            }
            if let lastBreak {
                pieces.append(String(text[pieceStart..<lastBreak]))
                pieceStart = lastBreak
                index = lastBreak
            } else if index > pieceStart {
                pieces.append(String(text[pieceStart..<index]))
                pieceStart = index
            } else {
                pieces.append(contentsOf: splitOversized(character, limit: limit))
                pieceStart = next
                index = next
            }
            pieceBytes = 0
            lastBreak = nil
        }
        if pieceStart < text.endIndex {
            pieces.append(String(text[pieceStart...]))
        }
        return pieces
    }

    /// Cuts one grapheme that exceeds the budget at scalar boundaries.
    private static func splitOversized(_ character: Character, limit: Int) -> [String] {
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        var currentBytes = 0
        for scalar in character.unicodeScalars {
            let size = UTF8.width(scalar)
            if currentBytes + size > limit, !current.isEmpty {
                pieces.append(String(current))
                current = String.UnicodeScalarView()
                currentBytes = 0
            }
            current.append(scalar)
            currentBytes += size
        }
        if !current.isEmpty { pieces.append(String(current)) }
        return pieces
    }
}
