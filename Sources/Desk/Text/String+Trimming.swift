extension String {
    /// Trims Unicode whitespace and newlines; written here so value code needs no Foundation.
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }

    /// Email message ids are written `<id@host>` in headers and bare everywhere in Switchboard.
    func strippingAngleBrackets() -> String {
        var value = trimmingWhitespace()
        if value.hasPrefix("<") { value.removeFirst() }
        if value.hasSuffix(">") { value.removeLast() }
        return value.trimmingWhitespace()
    }
}
