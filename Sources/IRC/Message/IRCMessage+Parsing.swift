extension IRCMessage {
    /// Parses one line as received from a server.
    ///
    /// Works on UTF-8 bytes rather than `Character`s: a space or `:` followed by a combining mark forms a
    /// single grapheme, and a `Character` scan would miss the delimiter inside it.
    ///
    /// Tolerates trailing CR/LF, repeated spaces between atoms and a middle parameter that contains `:`
    /// after its first byte. Throws on CR, LF or NUL inside the line, because the framing layer must have
    /// split lines already and anything else smuggles a second command.
    public init(parsing line: some StringProtocol) throws {
        let bytes = Array(line.utf8)
        var end = bytes.count
        while end > 0, bytes[end - 1] == ASCII.cr || bytes[end - 1] == ASCII.lf {
            end -= 1
        }
        if bytes[0..<end].contains(where: ASCII.isLineBreakOrNUL) {
            throw IRCMessageError.forbiddenCharacter
        }

        var index = 0
        func skipSpaces() {
            while index < end, bytes[index] == ASCII.space { index += 1 }
        }
        func nextSpace(from start: Int) -> Int {
            var i = start
            while i < end, bytes[i] != ASCII.space { i += 1 }
            return i
        }
        func text(_ range: Range<Int>) -> String {
            String(decoding: bytes[range], as: UTF8.self)
        }

        skipSpaces()
        guard index < end else { throw IRCMessageError.emptyLine }

        var tags: [String: String] = [:]
        if bytes[index] == ASCII.at {
            let start = index + 1
            let stop = nextSpace(from: start)
            guard stop - start <= IRCLimits.receivedTagBytes else { throw IRCMessageError.tagsTooLong }
            tags = IRCTagCoding.parseTags(bytes[start..<stop])
            index = stop
            skipSpaces()
        }

        var source: String?
        if index < end, bytes[index] == ASCII.colon {
            let start = index + 1
            let stop = nextSpace(from: start)
            guard stop > start else { throw IRCMessageError.emptySource }
            source = text(start..<stop)
            index = stop
            skipSpaces()
        }

        guard index < end else { throw IRCMessageError.missingCommand }
        let commandEnd = nextSpace(from: index)
        let command = ASCII.uppercased(text(index..<commandEnd))
        index = commandEnd

        var parameters: [String] = []
        while true {
            skipSpaces()
            guard index < end else { break }
            if bytes[index] == ASCII.colon {
                parameters.append(text((index + 1)..<end))
                break
            }
            let stop = nextSpace(from: index)
            parameters.append(text(index..<stop))
            index = stop
        }

        self.init(tags: tags, source: source, command: command, parameters: parameters)
    }
}
