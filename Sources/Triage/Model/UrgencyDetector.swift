/// Urgency from rules first, then the model's urgency head.
///
/// High when the lexicon finds an explicit urgency word ("urgent", "asap", "عاجل", "jaldi", "foran",
/// "segera", "gấp", "ด่วน", "agad", …), a legal or security threat, an outage that hits everyone, money
/// taken wrongly (a double charge, or a charge with a refund demand), or three or more `!`; otherwise
/// when the urgency head's probability reaches `modelThreshold`. No-action messages are never urgent.
struct UrgencyDetector: Sendable {
    var modelThreshold: Float

    struct Reasoned: Sendable, Hashable {
        var urgency: Urgency
        var byRule: Bool
    }

    func urgency(analysis: FeatureExtractor.Analysis, modelProbability: Float, category: TriageCategory) -> Reasoned {
        if category == .noAction { return Reasoned(urgency: .normal, byRule: false) }
        if Self.ruleFires(analysis) { return Reasoned(urgency: .high, byRule: true) }
        return Reasoned(urgency: modelProbability >= modelThreshold ? .high : .normal, byRule: false)
    }

    static func ruleFires(_ analysis: FeatureExtractor.Analysis) -> Bool {
        var outage = false
        var scope = false
        var double = false
        var charge = false
        var refund = false
        var money = false
        for match in analysis.matches {
            switch match.concept {
            case .urgent, .legal, .security:
                return true
            case .outage, .crash, .lostData:
                outage = true
            case .scope:
                scope = true
            case .double:
                double = true
            case .charge:
                charge = true
                money = true
            case .refund:
                refund = true
                money = true
            case .payment, .subscription:
                money = true
            default:
                break
            }
        }
        if outage, scope { return true }
        if double, money { return true }
        if charge, refund { return true }
        return analysis.text.exclamationCount >= 3
    }
}
