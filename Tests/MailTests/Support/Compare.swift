import Foundation

/// The comparison rules of NOTES.md's "Comparing" section.
enum Compare {
    static func nfc(_ s: String?) -> String? {
        s?.precomposedStringWithCanonicalMapping
    }

    /// Runs of whitespace collapsed to one space, trimmed, NFC.
    static func collapsed(_ s: String?) -> String? {
        guard let s else { return nil }
        return s.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }

    /// Line endings normalised and trailing whitespace stripped on each line, NFC.
    static func lines(_ s: String) -> String {
        s.precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                var l = Substring(line)
                while let last = l.last, last.isWhitespace { l = l.dropLast() }
                return String(l)
            }
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
