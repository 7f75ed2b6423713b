import Foundation

/// Access to the fixture files shipped with the test target (`resources: [.copy("Fixtures")]`).
enum Fixtures {
    static var root: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    }

    static var corpus: URL {
        root.appendingPathComponent("email-corpus/dev")
    }

    /// The corpus message names without extension, sorted.
    static func corpusNames() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return files.filter { $0.hasSuffix(".eml") }.map { String($0.dropLast(4)) }.sorted()
    }

    static func raw(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: corpus.appendingPathComponent(name + ".eml")))
    }

    static func expected(_ name: String) throws -> ExpectedEmail {
        let data = try Data(contentsOf: corpus.appendingPathComponent(name + ".json"))
        return try JSONDecoder().decode(ExpectedEmail.self, from: data)
    }

    /// The "main features" cell of a message's row in NOTES.md.
    static func features(_ name: String) throws -> String {
        let notes = try String(contentsOf: corpus.appendingPathComponent("NOTES.md"), encoding: .utf8)
        for line in notes.split(separator: "\n") where line.hasPrefix("| `\(name).eml`") {
            return String(line)
        }
        return ""
    }
}
