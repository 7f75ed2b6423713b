extension IRCMessage {
    /// The line to send, without CRLF.
    ///
    /// Refuses, rather than repairs, anything that would change the meaning on the wire: CR, LF or NUL in a
    /// parameter, the source or a tag, a middle parameter that is empty, holds a space or starts with `:`,
    /// an invalid command or tag key, more than 15 parameters, or escaped tag data over 4094 bytes. Tags are
    /// written sorted by key so that equal messages give equal lines. The last parameter gets a `:` only when
    /// it needs one (empty, contains a space or starts with `:`).
    ///
    /// The length of the part after the tags is not checked: split long text with ``MessageSplitter`` first.
    public func serialized() throws -> String {
        var line = ""
        if !tags.isEmpty {
            var section = ""
            for key in tags.keys.sorted() {
                guard IRCTagCoding.isValidKey(key) else { throw IRCMessageError.invalidTagKey }
                if !section.isEmpty { section.append(";") }
                section.append(key)
                let value = tags[key] ?? ""
                if !value.isEmpty {
                    guard !value.utf8.contains(0) else { throw IRCMessageError.forbiddenCharacter }
                    section.append("=")
                    section.append(IRCTagCoding.escape(value))
                }
            }
            guard section.utf8.count <= IRCLimits.clientTagBytes else { throw IRCMessageError.tagsTooLong }
            line.append("@")
            line.append(section)
            line.append(" ")
        }

        if let source {
            guard !source.utf8.contains(where: ASCII.isLineBreakOrNUL) else {
                throw IRCMessageError.forbiddenCharacter
            }
            guard !source.isEmpty, !source.utf8.contains(ASCII.space) else { throw IRCMessageError.invalidSource }
            line.append(":")
            line.append(source)
            line.append(" ")
        }

        guard Self.isValidCommand(command) else { throw IRCMessageError.invalidCommand }
        line.append(command)

        guard parameters.count <= IRCLimits.maxParameters else { throw IRCMessageError.tooManyParameters }
        for (position, parameter) in parameters.enumerated() {
            let bytes = parameter.utf8
            guard !bytes.contains(where: ASCII.isLineBreakOrNUL) else { throw IRCMessageError.forbiddenCharacter }
            let needsTrailing = bytes.isEmpty || bytes.contains(ASCII.space) || bytes.first == ASCII.colon
            if position == parameters.count - 1 {
                line.append(needsTrailing ? " :" : " ")
            } else {
                guard !needsTrailing else { throw IRCMessageError.invalidMiddleParameter }
                line.append(" ")
            }
            line.append(parameter)
        }
        return line
    }

    /// Letters only, or exactly three digits.
    static func isValidCommand(_ command: String) -> Bool {
        let bytes = command.utf8
        guard !bytes.isEmpty else { return false }
        if bytes.allSatisfy(ASCII.isLetter) { return true }
        return bytes.count == 3 && bytes.allSatisfy(ASCII.isDigit)
    }
}
