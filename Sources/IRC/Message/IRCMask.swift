/// A hostmask pattern such as `*!*@example.com`, with `*` for any run and `?` for exactly one character.
///
/// Matching compares case-folded Unicode scalars, so `[` and `{` match under rfc1459 and nothing in the
/// pattern is treated as a glob bracket.
public struct IRCMask: Sendable, Hashable {
    public let pattern: String
    public let caseMapping: CaseMapping
    private let folded: [Unicode.Scalar]

    public init(_ pattern: String, caseMapping: CaseMapping = .rfc1459) {
        self.pattern = pattern
        self.caseMapping = caseMapping
        self.folded = Array(caseMapping.fold(pattern).unicodeScalars)
    }

    public func matches(_ candidate: some StringProtocol) -> Bool {
        let text = Array(caseMapping.fold(candidate).unicodeScalars)
        var p = 0
        var t = 0
        var starPattern: Int?
        var starText = 0
        while t < text.count {
            if p < folded.count, folded[p] == "?" || (folded[p] != "*" && folded[p] == text[t]) {
                p += 1
                t += 1
            } else if p < folded.count, folded[p] == "*" {
                starPattern = p
                starText = t
                p += 1
            } else if let star = starPattern {
                p = star + 1
                starText += 1
                t = starText
            } else {
                return false
            }
        }
        while p < folded.count, folded[p] == "*" { p += 1 }
        return p == folded.count
    }
}
