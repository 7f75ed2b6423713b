import Foundation
import Testing
@testable import Mail

/// CPython's own email test data (`test/test_email/data/msg_*.txt`): decades of odd and broken mail.
/// Every message must parse without crashing, and must give non-empty text wherever Python's
/// `get_body(preferencelist=("plain", "html"))` finds text. Python's side was computed once by
/// `Fixtures/cpython-email/generate.py` into `expectations.json`.
@Suite struct CPythonCorpusTests {
    struct Expectations: Decodable {
        struct Message: Decodable {
            var python_has_text: Bool
        }

        var python: String
        var messages: [String: Message]
    }

    static let expectations: Expectations? = {
        let url = Fixtures.root.appendingPathComponent("cpython-email/expectations.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(Expectations.self, from: data)
    }()

    /// The data folder of the Python the expectations were made with, else of any Python 3 here.
    static let dataDirectory: URL? = {
        var candidates: [String] = []
        if let version = expectations?.python {
            let minor = version.split(separator: ".").prefix(2).joined(separator: ".")
            candidates.append("/root/.pyenv/versions/\(version)/lib/python\(minor)/test/test_email/data")
            candidates.append("/usr/lib/python\(minor)/test/test_email/data")
            candidates.append("/usr/local/lib/python\(minor)/test/test_email/data")
        }
        func usable(_ path: String) -> Bool {
            FileManager.default.fileExists(atPath: path + "/msg_01.txt")
        }
        if let path = candidates.first(where: usable) { return URL(fileURLWithPath: path) }
        if let located = pythonTestDirectory(), usable(located + "/test_email/data") {
            return URL(fileURLWithPath: located + "/test_email/data")
        }
        return nil
    }()

    private static func pythonTestDirectory() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import test, os; print(os.path.dirname(test.__file__))"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let path = out.trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && !path.isEmpty ? path : nil
    }

    static let unavailableReason = "CPython's test_email data was not found (looked for Python \(expectations?.python ?? "?") under /root/.pyenv, /usr/lib and via python3); this corpus was not checked"

    @Test(.enabled(if: dataDirectory != nil && expectations != nil, Comment(rawValue: unavailableReason)))
    func everyMessageParsesWithTextWherePythonFindsText() throws {
        let directory = try #require(Self.dataDirectory)
        let expectations = try #require(Self.expectations)
        var checked = 0
        for (name, expected) in expectations.messages.sorted(by: { $0.key < $1.key }) {
            let url = directory.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url) else {
                Issue.record("\(name) is listed in expectations.json but missing from \(directory.path)")
                continue
            }
            let raw = Array(data)
            do {
                let parsed = try EmailParser.parse(raw)
                if expected.python_has_text {
                    #expect(!parsed.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(name): Python finds text, the parser gave none")
                }
            } catch {
                // The contract's one failure: input without any header section (exit 65 in the CLI).
                #expect(error as? EmailParserError == .noHeaderSection)
                #expect(!Self.startsWithHeaderField(raw), "\(name) has a header section but was rejected")
            }
            checked += 1
        }
        #expect(checked == expectations.messages.count)
        print("CPython email corpus: \(checked) messages from \(directory.path)")
    }

    /// An independent check of "has a header section": the first line is `name: value`.
    private static func startsWithHeaderField(_ raw: [UInt8]) -> Bool {
        let line = raw.prefix { $0 != 0x0A }
        guard let colon = line.firstIndex(of: 0x3A), colon > 0 else { return false }
        return line[..<colon].allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }
}
