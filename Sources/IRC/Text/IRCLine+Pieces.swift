extension IRCLine {
    /// Characters that common bots and services read as the start of a command when a line begins with
    /// them (`!op`, `.kick`, `@notes`, `~quote`, `$eval`, ChanServ fantasy `!`…), ASCII and full-width.
    ///
    /// Compared by Unicode scalar, not by `Character`: `!` followed by a combining mark is one Swift
    /// character, yet the byte a bot reads first is still `!`.
    public static let commandPrefixes: Set<Unicode.Scalar> = [
        "!", ".", "@", "~", "$", "%", "&", "+", "-", "?", ";", ",", "`", ">", "\\", "=", "*", "^", "'", ":", "/",
        "！", "．", "＠", "～", "＄", "？", "／",
    ]

    /// What the bot puts in front of a line that would otherwise begin with outside text or with a
    /// command prefix.
    public static let leadMarker = "› "

    /// Splits the line into pieces for `PRIVMSG`/`NOTICE`, each at most `maxBytes` UTF-8 bytes, so that
    /// every piece begins with the bot's own words:
    /// - a line that begins with outside text, or with a command prefix, gets ``leadMarker`` in front;
    /// - every piece after the first begins with a continuation marker: `#118 … ` when the line is about
    ///   ticket #118 (so it can be searched like the rest), `… ` otherwise.
    ///
    /// Apart from those markers the pieces concatenate to ``text`` (see ``MessageSplitter``: breaks fall
    /// after whitespace, else between graphemes).
    public func pieces(maxBytes: Int) -> [String] {
        guard !text.isEmpty else { return [] }
        var head = text
        if beginsWithForeignText || Self.startsWithCommandPrefix(head) { head = Self.leadMarker + head }
        let first = MessageSplitter.split(head, maxBytes: maxBytes).first ?? head
        guard first.utf8.count < head.utf8.count else { return [head] }
        // The ticket number is the bot's only when the line does not begin with outside text.
        let continuation = (beginsWithForeignText ? nil : Self.ticketTag(of: text)).map { "\($0) … " } ?? "… "
        // Never let the marker eat the whole budget: some text must fit after it to make progress.
        let restBudget = max(maxBytes - continuation.utf8.count, 8)
        let rest = head.utf8.dropFirst(first.utf8.count)
        let restText = String(decoding: rest, as: UTF8.self)
        return [first] + MessageSplitter.split(restText, maxBytes: restBudget).compactMap { piece in
            let trimmed = piece.drop(while: { $0.isWhitespace })
            return trimmed.isEmpty ? nil : continuation + trimmed
        }
    }

    /// Whether the first visible character (after whitespace and formatting toggles) is one that bots
    /// read as a command prefix.
    public static func startsWithCommandPrefix(_ text: String) -> Bool {
        guard let first = firstVisible(text) else { return false }
        return commandPrefixes.contains(first)
    }

    /// `#118` when the text starts (after formatting) with a ticket number.
    static func ticketTag(of text: String) -> String? {
        let visible = text.unicodeScalars.drop { isInvisibleLead($0) }
        guard visible.first == "#" else { return nil }
        let digits = visible.dropFirst().prefix { ("0"..."9").contains($0) }
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        let after = visible.dropFirst(1 + digits.count).first
        guard after == nil || !(after!.properties.isAlphabetic || ("0"..."9").contains(after!)) else { return nil }
        return "#" + String(String.UnicodeScalarView(digits))
    }

    private static func firstVisible(_ text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { !isInvisibleLead($0) }
    }
}
