import Desk
import Foundation
import Yams

/// One thing wrong with a config file, named by its key path (`routing[2].channel`).
struct ConfigProblem: Sendable, CustomStringConvertible, Equatable {
    enum Severity: String, Sendable { case error, warning }
    var path: String
    var message: String
    var severity: Severity = .error

    var description: String { "\(severity == .warning ? "warning: " : "")\(path): \(message)" }
}

/// Walks a YAML tree, reading typed values and collecting every problem instead of stopping at the
/// first, so `check-config` can list them all. Unknown keys are errors: a typo must not silently turn
/// a setting off.
final class ConfigReader {
    private(set) var problems: [ConfigProblem] = []
    private let environment: [String: String]
    /// Values that came from `${VAR}`: secrets may only arrive that way.
    private(set) var substitutedPaths: Set<String> = []

    init(environment: [String: String]) {
        self.environment = environment
    }

    func error(_ path: String, _ message: String) {
        problems.append(ConfigProblem(path: path, message: message))
    }

    func warning(_ path: String, _ message: String) {
        problems.append(ConfigProblem(path: path, message: message, severity: .warning))
    }

    var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// A mapping's keys, reporting the ones this section does not know.
    func mapping(_ node: Node?, at path: String, allowed: Set<String>) -> [String: Node]? {
        guard let node else { return nil }
        if case .scalar = node, node.null != nil { return nil }
        guard let mapping = node.mapping else {
            error(path, "expected a mapping of keys to values")
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if !allowed.contains(name) {
                error(join(path, name), "unknown key (known keys: \(allowed.sorted().joined(separator: ", ")))")
            }
            result[name] = value
        }
        return result
    }

    func sequence(_ node: Node?, at path: String) -> [Node]? {
        guard let node else { return nil }
        if node.null != nil { return nil }
        guard let sequence = node.sequence else {
            error(path, "expected a list")
            return nil
        }
        return Array(sequence)
    }

    func string(_ node: Node?, at path: String, required: Bool = false) -> String? {
        guard let node, node.null == nil || node.scalar?.style == .doubleQuoted || node.scalar?.style == .singleQuoted else {
            if required { error(path, "is required") }
            return nil
        }
        guard let scalar = node.scalar else {
            error(path, "expected a single value")
            return nil
        }
        return substitute(scalar.string, at: path)
    }

    func int(_ node: Node?, at path: String, range: ClosedRange<Int>? = nil) -> Int? {
        guard let text = string(node, at: path) else { return nil }
        guard let value = Int(text) else {
            error(path, "\"\(text)\" is not a whole number")
            return nil
        }
        if let range, !range.contains(value) {
            error(path, "\(value) is outside \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return value
    }

    func bool(_ node: Node?, at path: String) -> Bool? {
        guard let text = string(node, at: path) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(path, "\"\(text)\" is not true or false")
            return nil
        }
    }

    func duration(_ node: Node?, at path: String) -> Duration? {
        guard let text = string(node, at: path) else { return nil }
        guard let value = DurationText.seconds(text).map({ Duration.seconds($0) }) else {
            error(path, "\"\(text)\" is not a duration like 90s, 15m, 24h or 7d")
            return nil
        }
        return value
    }

    func strings(_ node: Node?, at path: String) -> [String]? {
        guard let items = sequence(node, at: path) else { return nil }
        return items.enumerated().compactMap { string($1, at: "\(path)[\($0)]") }
    }

    /// `${NAME}` anywhere in a value is replaced by the environment variable; a missing one is an error.
    func substitute(_ text: String, at path: String) -> String {
        guard text.contains("${") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                error(path, "unterminated ${ in \"\(text)\"")
                return text
            }
            let name = String(rest[start.upperBound..<end])
            if let value = environment[name] {
                result += value
            } else {
                error(path, "environment variable \(name) is not set")
            }
            rest = rest[rest.index(after: end)...]
        }
        substitutedPaths.insert(path)
        return result + rest
    }

    /// Secrets belong in the environment; one written literally still works but earns a warning.
    func secret(_ node: Node?, at path: String) -> String? {
        guard let value = string(node, at: path) else { return nil }
        if !substitutedPaths.contains(path), !value.isEmpty {
            warning(path, "a secret is written literally in the file; use ${VAR} and set it in the environment")
        }
        return value
    }

    private func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}
