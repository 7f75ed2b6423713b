/// The six triage categories. The raw values are the wire format used by `triage`, `export`, routing
/// rules and the database, so they never change.
public enum Category: String, Sendable, Hashable, Codable, CaseIterable {
    case support
    case billing
    case churnRisk = "churn_risk"
    case featureRequest = "feature_request"
    case bugReport = "bug_report"
    case noAction = "no_action"
}
