/// One complete server reply (RFC 5321 §4.2): a three-digit code and one or more lines of text.
struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    var code: Int
    /// The text of each line, without the code and separator.
    var lines: [String]

    init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2 (done), 3 (go on), 4 (try later), 5 (refused).
    var codeClass: Int { code / 100 }

    /// All lines as one sentence, for logs and for the agent.
    var text: String {
        lines.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    var description: String { text.isEmpty ? "\(code)" : "\(code) \(text)" }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " || slice.first == "\t" { slice = slice.dropFirst() }
        while slice.last == " " || slice.last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
