public import Foundation

/// Finding and loading models: an explicit path, then `SWITCHBOARD_MODEL`, then the resource bundled
/// with this module (found through `Bundle.module`, so it works from the build folder and from an
/// installed prefix that keeps the resource bundle next to the binary).
extension TriageModel {
    /// The environment variable that overrides the bundled model.
    public static let environmentKey = "SWITCHBOARD_MODEL"

    /// Where the bundled default model lives, if this build has it.
    public static var bundledModelURL: URL? {
        Bundle.module.url(forResource: "triage", withExtension: "model")
    }

    public static func load(contentsOf url: URL) throws(TriageModelError) -> TriageModel {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw .unreadable(url.path, error.localizedDescription)
        }
        return try TriageModel(data: data)
    }

    /// Loads `path` if given, else `$SWITCHBOARD_MODEL` if set, else the bundled model.
    public static func load(
        path: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(TriageModelError) -> TriageModel {
        if let path, !path.isEmpty {
            return try load(contentsOf: URL(fileURLWithPath: path))
        }
        if let override = environment[environmentKey], !override.isEmpty {
            return try load(contentsOf: URL(fileURLWithPath: override))
        }
        guard let url = bundledModelURL else { throw .missingDefault }
        return try load(contentsOf: url)
    }
}
