/// Why a configured rule was rejected; the message names the rule so config errors point at it.
public enum TriageRuleError: Error, Sendable, Hashable, CustomStringConvertible {
    case noCondition(rule: String)
    case noAction(rule: String)
    case invalidPattern(rule: String, pattern: String, reason: String)

    public var description: String {
        switch self {
        case .noCondition(let rule):
            "rule \"\(rule)\" needs keywords or a pattern"
        case .noAction(let rule):
            "rule \"\(rule)\" needs a category or an urgency"
        case .invalidPattern(let rule, let pattern, let reason):
            "rule \"\(rule)\": invalid pattern \"\(pattern)\": \(reason)"
        }
    }
}
