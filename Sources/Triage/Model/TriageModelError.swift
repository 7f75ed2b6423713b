/// Why a model file could not be used.
public struct TriageModelError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable {
        case notAModel
        case unsupportedVersion(Int)
        case corrupt(String)
        case incompatibleFeatures(Int)
        case missingDefault
        case unreadable(String, String)
    }

    private let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    static let notAModel = TriageModelError(.notAModel)
    static func unsupportedVersion(_ version: Int) -> TriageModelError { TriageModelError(.unsupportedVersion(version)) }
    static func corrupt(_ detail: String) -> TriageModelError { TriageModelError(.corrupt(detail)) }
    static func incompatibleFeatures(_ version: Int) -> TriageModelError { TriageModelError(.incompatibleFeatures(version)) }
    static let missingDefault = TriageModelError(.missingDefault)
    static func unreadable(_ path: String, _ reason: String) -> TriageModelError { TriageModelError(.unreadable(path, reason)) }

    public var description: String {
        switch kind {
        case .notAModel:
            "not a Switchboard triage model (bad magic)"
        case .unsupportedVersion(let version):
            "model file format \(version) is not supported by this build"
        case .corrupt(let detail):
            "model file is corrupt: \(detail)"
        case .incompatibleFeatures(let version):
            "model uses feature version \(version); this build uses \(FeatureSettings.currentVersion): retrain it"
        case .missingDefault:
            "the bundled triage model resource is missing from this build"
        case .unreadable(let path, let reason):
            "cannot read model \(path): \(reason)"
        }
    }
}
