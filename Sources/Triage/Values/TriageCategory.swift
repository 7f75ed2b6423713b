import Foundation

/// The six categories every message is sorted into, whatever its channel or language.
///
/// The raw values are the wire names used in JSON output, config files and training data.
public enum TriageCategory: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case support
    case billing
    case churnRisk = "churn_risk"
    case featureRequest = "feature_request"
    case bugReport = "bug_report"
    case noAction = "no_action"

    /// Position in `allCases`; the model's weight columns use this order.
    public var index: Int {
        switch self {
        case .support: 0
        case .billing: 1
        case .churnRisk: 2
        case .featureRequest: 3
        case .bugReport: 4
        case .noAction: 5
        }
    }

    public static func < (lhs: TriageCategory, rhs: TriageCategory) -> Bool { lhs.index < rhs.index }

    /// Accepts the wire name and a few spellings seen in hand-made data (`churn`, `bug`, `feature`).
    public init?(label: String) {
        let key = label.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
        if let exact = TriageCategory(rawValue: key) {
            self = exact
            return
        }
        switch key {
        case "churn", "churnrisk": self = .churnRisk
        case "feature", "featurerequest", "feature request": self = .featureRequest
        case "bug", "bugreport", "bug report": self = .bugReport
        case "noaction", "none", "no action": self = .noAction
        default: return nil
        }
    }
}
