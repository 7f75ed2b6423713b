import Foundation
import Yams

/// The ircdocs/parser-tests vectors shipped in `Fixtures/parser-tests` (CC0, see SOURCE.md there).
enum ParserTestVectors {
    struct Atoms: Decodable, Sendable {
        var tags: [String: String]?
        var source: String?
        var verb: String
        var params: [String]?
    }

    struct SplitCase: Decodable, Sendable, CustomStringConvertible {
        var input: String
        var atoms: Atoms
        var description: String { input.debugDescription }
    }

    struct JoinCase: Decodable, Sendable, CustomStringConvertible {
        var desc: String
        var atoms: Atoms
        var matches: [String]
        var description: String { desc }
    }

    struct UserhostCase: Decodable, Sendable, CustomStringConvertible {
        struct Parts: Decodable, Sendable {
            var nick: String?
            var user: String?
            var host: String?
        }

        var source: String
        var atoms: Parts
        var description: String { source.debugDescription }
    }

    struct MaskCase: Decodable, Sendable, CustomStringConvertible {
        var mask: String
        var matches: [String]
        var fails: [String]
        var description: String { mask }
    }

    struct HostnameCase: Decodable, Sendable, CustomStringConvertible {
        var host: String
        var valid: Bool
        var description: String { host.debugDescription }
    }

    private struct File<Case: Decodable>: Decodable {
        var tests: [Case]
    }

    struct MissingFixture: Error {
        var name: String
    }

    static func load<Case: Decodable>(_ name: String, as _: Case.Type = Case.self) throws -> [Case] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "yaml",
                                          subdirectory: "Fixtures/parser-tests")
        else { throw MissingFixture(name: name) }
        let yaml = try String(contentsOf: url, encoding: .utf8)
        return try YAMLDecoder().decode(File<Case>.self, from: yaml).tests
    }
}
