import Foundation
import Store
import Testing

/// `switchboard kb` as a process: the contract's JSON lines, refreshing on its own, and clear failures.
@Suite("kb command")
struct KBCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A config in a fresh folder, with a copy of the demo knowledge base at `kb/` (a relative path, as
    /// the config contract writes it).
    struct Setup {
        let folder: URL
        let config: String
        var kb: URL { folder.appendingPathComponent("kb") }

        init(withKB: Bool = true) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb-kb-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if withKB { try FileManager.default.copyItem(at: KBCommandTests.root.appendingPathComponent("demo/kb"), to: folder.appendingPathComponent("kb")) }
            config = folder.appendingPathComponent("switchboard.yaml").path
            try (withKB ? "storage: {path: var/sb.sqlite}\nkb: {path: kb/}\n" : "storage: {path: var/sb.sqlite}\n")
                .write(toFile: config, atomically: true, encoding: .utf8)
        }

        func kb(_ query: String...) async throws -> SwitchboardBinary.Result {
            try await SwitchboardBinary.run(["kb", "--config", config] + query)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// Parses the lines, checking each is an object with exactly the contract's keys in order.
    static func hits(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            #expect(line.hasPrefix("{\"path\":"), "\(line)")
            let keys = ["\"path\":", "\"title\":", "\"lang\":", "\"score\":"].map { line.range(of: $0)?.lowerBound }
            #expect(keys.allSatisfy { $0 != nil } && keys.compactMap { $0 } == keys.compactMap { $0 }.sorted(), "keys out of order: \(line)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["path", "title", "lang", "score"])
            return object
        }
    }

    @Test("one JSON line per hit, best first, paths relative to kb.path, in the customer's language")
    func jsonLines() async throws {
        let setup = try Setup()
        defer { setup.remove() }
        let result = try await setup.kb("how", "many", "days", "until", "the", "refund", "shows", "on", "my", "card?")
        #expect(result.status == 0, "\(result.stderr)")
        let hits = try Self.hits(result.stdout)
        #expect(hits.first?["path"] as? String == "billing/refunds.md")
        #expect(hits.first?["title"] as? String == "Refunds and when the money reaches you")
        #expect(hits.first?["lang"] as? String == "en")
        let scores = hits.compactMap { $0["score"] as? Double }
        #expect(scores.count == hits.count && scores == scores.sorted(by: >) && (scores.first ?? 0) > 0)
        for hit in hits {
            #expect(FileManager.default.fileExists(atPath: setup.kb.appendingPathComponent(hit["path"] as! String).path))
        }

        let arabic = try Self.hits(try await setup.kb("كم يوم يحتاج المبلغ المسترد عشان يرجع للبطاقة؟").stdout)
        #expect(arabic.first?["path"] as? String == "billing/refunds.ar.md")
        #expect(arabic.first?["lang"] as? String == "ar")
        #expect(arabic.allSatisfy { ["ar", "en"].contains($0["lang"] as? String) }, "the question's language and English only")
    }

    @Test("articles added, edited, broken and deleted between runs are picked up without serve")
    func refreshesByItself() async throws {
        let setup = try Setup()
        defer { setup.remove() }
        #expect(try Self.hits(try await setup.kb("loyalty", "stamps").stdout).isEmpty)

        let article = "---\ntitle: Loyalty stamps and rewards\ntags: [loyalty, stamps]\nlang: en\nurl: https://help.example/loyalty\n---\n\nCustomers collect stamps.\n"
        try article.write(to: setup.kb.appendingPathComponent("loyalty.md"), atomically: true, encoding: .utf8)
        #expect(try Self.hits(try await setup.kb("loyalty", "stamps").stdout).first?["path"] as? String == "loyalty.md")

        try "---\ntitle: Loyalty\nlang: en\n---\n".write(to: setup.kb.appendingPathComponent("loyalty.md"), atomically: true, encoding: .utf8)
        let broken = try await setup.kb("loyalty", "stamps")
        #expect(broken.status == 0)
        #expect(broken.stderr.contains("kb: skipped loyalty.md: the front matter has no url"), "\(broken.stderr)")
        #expect(try Self.hits(broken.stdout).isEmpty)

        try FileManager.default.removeItem(at: setup.kb.appendingPathComponent("billing/refunds.md"))
        let hits = try Self.hits(try await setup.kb("how", "long", "does", "a", "refund", "take").stdout)
        #expect(!hits.contains { $0["path"] as? String == "billing/refunds.md" })
    }

    @Test("works while another process has the database open and writing")
    func besideServe() async throws {
        let setup = try Setup()
        defer { setup.remove() }
        let serve = try AppDatabase.open(path: setup.folder.appendingPathComponent("var/sb.sqlite").path)
        _ = try await serve.refreshKnowledge(folder: setup.kb)
        let result = try await setup.kb("webhook", "signature", "fails")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.hits(result.stdout).first?["path"] as? String == "developers/webhooks.md")
        try await serve.checkWritable()
    }

    @Test("no kb section, or no folder: exit 1 with a message that says what to fix")
    func notConfigured() async throws {
        let setup = try Setup(withKB: false)
        defer { setup.remove() }
        let missing = try await setup.kb("refund")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("has no knowledge base: add `kb: {path: kb/}`"), "\(missing.stderr)")
        #expect(missing.stdout.isEmpty)

        try "storage: {path: var/sb.sqlite}\nkb: {path: nowhere/}\n".write(toFile: setup.config, atomically: true, encoding: .utf8)
        let absent = try await setup.kb("refund")
        #expect(absent.status == 1)
        #expect(absent.stderr.contains("nowhere does not exist"), "\(absent.stderr)")
    }
}
