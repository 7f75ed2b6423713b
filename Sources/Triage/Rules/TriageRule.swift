import Foundation

/// A configured override: when its keywords or its regular expression match, it sets the category
/// and/or the urgency, whatever the model says.
///
/// Keywords use the lexicon syntax (word boundaries, `*` to lift one) and are matched on normalised text,
/// so "Refund", "REFUND" and "refund" are the same, as are Arabic spellings with or without hamza. The
/// pattern is a regular expression matched case-insensitively on the original text.
public struct TriageRule: Sendable {
    public let name: String
    public let keywords: [String]
    public let pattern: String?
    /// Limits the rule to one channel; nil matches every channel.
    public let channel: TriageChannel?
    public let category: TriageCategory?
    public let urgency: Urgency?

    private let compiledKeywords: [[UInt32]]
    private let regex: NSRegularExpression?

    public init(
        name: String,
        keywords: [String] = [],
        pattern: String? = nil,
        channel: TriageChannel? = nil,
        category: TriageCategory? = nil,
        urgency: Urgency? = nil
    ) throws(TriageRuleError) {
        guard !keywords.isEmpty || pattern != nil else { throw .noCondition(rule: name) }
        guard category != nil || urgency != nil else { throw .noAction(rule: name) }
        self.name = name
        self.keywords = keywords
        self.pattern = pattern
        self.channel = channel
        self.category = category
        self.urgency = urgency
        let normalizer = TextNormalizer()
        compiledKeywords = keywords.flatMap { ConceptLexicon.compile($0, normalizer: normalizer) }
        if let pattern {
            do {
                regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            } catch {
                throw .invalidPattern(rule: name, pattern: pattern, reason: "\(error)")
            }
        } else {
            regex = nil
        }
    }

    /// True when the channel fits and any keyword or the pattern matches.
    func matches(text: String, normalized: NormalizedText, channel: TriageChannel?) -> Bool {
        if let required = self.channel, required != channel { return false }
        for keyword in compiledKeywords where Self.contains(normalized.scalars, keyword) {
            return true
        }
        if let regex, regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
            return true
        }
        return false
    }

    private static func contains(_ haystack: [UInt32], _ needle: [UInt32]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let last = haystack.count - needle.count
        outer: for start in 0...last {
            for k in 0..<needle.count where haystack[start + k] != needle[k] {
                continue outer
            }
            return true
        }
        return false
    }
}
