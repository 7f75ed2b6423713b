extension String {
    /// Trims Unicode whitespace at both ends without pulling Foundation into every file.
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while text.first?.isWhitespace == true {
            text.removeFirst()
        }
        while text.last?.isWhitespace == true {
            text.removeLast()
        }
        return String(text)
    }

    /// Nil for an empty or all-whitespace value: providers send empty parameters for "absent".
    var nonBlank: String? {
        trimmingWhitespace().isEmpty ? nil : self
    }
}
