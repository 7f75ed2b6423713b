import Desk
import Foundation
import GRDB
@testable import Store
import Testing

/// The FTS5 index over a real folder of articles and a real SQLite database.
@Suite struct KnowledgeIndexTests {
    /// A folder of articles in a temporary directory, removed with the value.
    final class Folder {
        let url: URL

        init(_ files: [String: String]) throws {
            url = try Fixtures.temporaryDirectory()
            for (path, text) in files { try write(path, text) }
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        func write(_ path: String, _ text: String, modified: Date? = nil) throws {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
            if let modified { try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: file.path) }
        }

        func remove(_ path: String) throws {
            try FileManager.default.removeItem(at: url.appendingPathComponent(path))
        }
    }

    static func article(_ title: String, lang: String = "en", tags: [String] = [], url: String? = nil, body: String) -> String {
        "---\ntitle: \(title)\ntags: [\(tags.joined(separator: ", "))]\nlang: \(lang)\nurl: \(url ?? "https://help.example/\(lang)/x")\n---\n\n# \(title)\n\n\(body)\n"
    }

    static let files: [String: String] = [
        "billing/refunds.md": article("Refunds and when the money reaches you", tags: ["refund", "money back"],
                                      url: "https://help.example/en/refunds",
                                      body: "We refund mistakes in full. Cards take 5–7 working days; e-wallets 1–3 days."),
        "billing/refunds.ar.md": article("استرداد المبالغ", lang: "ar", tags: ["استرداد"], url: "https://help.example/ar/refunds",
                                         body: "نعيد المبلغ كاملاً إذا تم خصمه بالخطأ. يصل المبلغ إلى البطاقة خلال 5 إلى 7 أيام عمل."),
        "account/reset-password.md": article("Reset your password", tags: ["password", "login"],
                                             body: "Tap Forgot password on the login screen. The reset link is valid for 30 minutes."),
        "whatsapp/not-delivered.md": article("WhatsApp messages not delivered", tags: ["whatsapp"],
                                             body: "Error 63016 means the 24-hour window closed; send a template instead."),
        "status/outages.th.md": article("แอปล่มหรือโหลดไม่ขึ้น", lang: "th", tags: ["ระบบล่ม"],
                                        body: "ถ้าระบบล่ม ให้เปิดหน้าสถานะระบบก่อน แอป POS ขายต่อได้ในโหมดออฟไลน์"),
    ]

    /// The sample articles in a folder, indexed into a fresh in-memory database.
    static func indexed() async throws -> (Folder, AppDatabase) {
        let folder = try Folder(files)
        let database = try AppDatabase.inMemory()
        _ = try await database.refreshKnowledge(folder: folder.url)
        return (folder, database)
    }

    @Test func indexesAFolderAndFindsTheRightArticle() async throws {
        let folder = try Folder(Self.files)
        let database = try AppDatabase.inMemory()
        let refresh = try await database.refreshKnowledge(folder: folder.url)
        #expect(refresh.added == 5 && refresh.updated == 0 && refresh.removed == 0 && refresh.problems.isEmpty)
        #expect(try await database.knowledgePaths() == Self.files.keys.sorted())

        let hits = try await database.searchKnowledge("my refund still hasn't reached my card", languages: ["en"])
        #expect(hits.first?.path == "billing/refunds.md")
        #expect(hits.first?.url == "https://help.example/en/refunds")
        #expect(hits.map(\.score) == hits.map(\.score).sorted(by: >), "best first")
        #expect((hits.first?.score ?? 0) > 0, "higher is better")
        #expect(try await database.searchKnowledge("error 63016 on whatsapp", languages: ["en"]).first?.path == "whatsapp/not-delivered.md")
        #expect(try await database.searchKnowledge("forgot password", languages: ["en"]).first?.path == "account/reset-password.md")
    }

    @Test func theSecondRefreshReadsNothingAndWritesNothing() async throws {
        let (folder, database) = try await Self.indexed()
        let again = try await database.refreshKnowledge(folder: folder.url)
        #expect(again.unchanged == 5 && !again.changedIndex)
        // Touching a file without changing it costs a read but no re-index.
        try folder.write("billing/refunds.md", Self.files["billing/refunds.md"]!, modified: Date(timeIntervalSinceNow: 60))
        let touched = try await database.refreshKnowledge(folder: folder.url)
        #expect(touched.unchanged == 5 && touched.updated == 0)
        let third = try await database.refreshKnowledge(folder: folder.url)
        #expect(third.unchanged == 5)
    }

    @Test func anEditedArticleIsReindexedAndADeletedOneDisappears() async throws {
        let (folder, database) = try await Self.indexed()
        #expect(try await database.searchKnowledge("chargeback dispute", languages: ["en"]).isEmpty)

        try folder.write("billing/refunds.md", Self.article(
            "Refunds and chargebacks", tags: ["refund"], url: "https://help.example/en/refunds",
            body: "Do not open a chargeback dispute with your bank; ask us and we refund the same day."),
            modified: Date(timeIntervalSinceNow: 120))
        try folder.remove("account/reset-password.md")
        try folder.write("data/export.md", Self.article("Export your data", tags: ["export", "csv"], body: "Reports → Export → CSV or Excel."))
        let refresh = try await database.refreshKnowledge(folder: folder.url)
        #expect(refresh.added == 1 && refresh.updated == 1 && refresh.removed == 1 && refresh.unchanged == 3)

        #expect(try await database.searchKnowledge("chargeback dispute", languages: ["en"]).first?.path == "billing/refunds.md")
        #expect(try await database.knowledgeArticle(path: "billing/refunds.md")?.title == "Refunds and chargebacks")
        #expect(try await database.searchKnowledge("forgot password", languages: ["en"]).allSatisfy { $0.path != "account/reset-password.md" })
        #expect(try await database.searchKnowledge("export to excel", languages: ["en"]).first?.path == "data/export.md")
        let rows = try await database.reader.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM kb_words"), try Int.fetchOne(db, sql: "SELECT count(*) FROM kb_trigrams"))
        }
        #expect(rows.0 == 5 && rows.1 == 5, "no orphaned FTS rows")
    }

    @Test func badFrontMatterIsReportedAndItsOldVersionDropped() async throws {
        let (folder, database) = try await Self.indexed()
        try folder.write("account/reset-password.md", "---\ntitle: Reset\ntags: [password\nlang: en\n---\nbody",
                         modified: Date(timeIntervalSinceNow: 60))
        try folder.write("notes.md", "just some notes, no front matter")
        try Data([0xFF, 0xFE, 0x00]).write(to: folder.url.appendingPathComponent("binary.md"))
        let refresh = try await database.refreshKnowledge(folder: folder.url)
        let messages = refresh.problems.map(\.description).sorted()
        #expect(messages.count == 3)
        #expect(messages.contains { $0.hasPrefix("account/reset-password.md:3: tags: a `[` list is never closed") })
        #expect(messages.contains { $0.hasPrefix("notes.md:1: no front matter") })
        #expect(messages.contains { $0.hasPrefix("binary.md: the file is not UTF-8") })
        #expect(refresh.removed == 1, "the broken article's previous version leaves the index")
        #expect(try await database.knowledgePaths().count == 4, "the other articles are still there")
        #expect(try await database.searchKnowledge("forgot password", languages: ["en"]).isEmpty)
    }

    @Test("customer text never becomes FTS5 syntax", arguments: [
        "\"refund", "refund*", "title:refund", "-refund", "(refund", "refund)", "refund AND OR NOT", "NEAR(refund card)",
        "^refund", "{title}: refund", "refund\" OR \"card", "💸💸 refund?!", "'; DROP TABLE kb_articles; --", "***", "\"\"", "",
    ])
    func hostileQueries(query: String) async throws {
        let (_, database) = try await Self.indexed()
        let hits = try await database.searchKnowledge(query, languages: ["en"])
        if query.localizedCaseInsensitiveContains("refund") { #expect(hits.first?.path == "billing/refunds.md") }
        #expect(try await database.knowledgePaths().count == 5)
    }

    @Test func theQuestionsLanguageWinsWhenTheArticleExistsInIt() async throws {
        let (_, database) = try await Self.indexed()
        let arabic = try await database.searchKnowledge("متى يصل المبلغ المسترد للبطاقة", languages: ["ar", "en"])
        #expect(arabic.first?.path == "billing/refunds.ar.md")
        #expect(arabic.filter { $0.path.hasPrefix("billing/refunds") }.count == 1, "one hit per article, not one per translation")
        // An English question from an Arabic customer still gets the Arabic version of the same article.
        let mixed = try await database.searchKnowledge("refund to my card", languages: ["ar", "en"])
        #expect(mixed.first?.path == "billing/refunds.ar.md")
        #expect(try await database.searchKnowledge("refund to my card", languages: ["en"]).first?.path == "billing/refunds.md")
        // Articles outside the searched languages are invisible.
        #expect(try await database.searchKnowledge("ระบบล่ม", languages: ["en"]).isEmpty)
    }

    @Test func thaiIsFoundByTrigramsWithoutSpaces() async throws {
        let (_, database) = try await Self.indexed()
        let hits = try await database.searchKnowledge("ระบบล่มตั้งแต่เช้า ลูกค้าสั่งไม่ได้", languages: ["th", "en"])
        #expect(hits.first?.path == "status/outages.th.md")
    }

    @Test func conceptsBridgeLanguagesAndAVocabularyChangeRebuildsTheIndex() async throws {
        let (folder, database) = try await Self.indexed()
        #expect(try await database.searchKnowledge("paisa wapas kab milega", languages: ["hi-Latn", "en"]).isEmpty)

        let vocabulary = KnowledgeVocabulary(version: "test-1") { text in
            let words = Set(KnowledgeText.words(text))
            return words.contains("refund") || words.contains("wapas") ? ["refund"] : []
        }
        let rebuilt = try await database.refreshKnowledge(folder: folder.url, vocabulary: vocabulary)
        #expect(rebuilt.updated == 5, "a new vocabulary re-indexes every article")
        let hits = try await database.searchKnowledge("paisa wapas kab milega", languages: ["hi-Latn", "en"], vocabulary: vocabulary)
        #expect(hits.first?.path == "billing/refunds.md")
        #expect(try await database.refreshKnowledge(folder: folder.url, vocabulary: vocabulary).unchanged == 5)
    }

    @Test func aMissingFolderIsAClearError() async throws {
        let database = try AppDatabase.inMemory()
        await #expect {
            _ = try await database.refreshKnowledge(folder: URL(fileURLWithPath: "/nonexistent/kb"))
        } throws: { error in
            "\(error)" == "the knowledge-base folder /nonexistent/kb does not exist"
        }
    }

    @Test func aRefreshWorksWhileAnotherConnectionReads() async throws {
        let folder = try Folder(Self.files)
        let dbFolder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dbFolder) }
        let path = dbFolder.appendingPathComponent("switchboard.sqlite").path
        let serve = try AppDatabase.open(path: path)
        let cli = try AppDatabase.open(path: path)
        _ = try await serve.refreshKnowledge(folder: folder.url)
        try folder.write("data/export.md", Self.article("Export your data", body: "CSV or Excel."))
        let refresh = try await cli.refreshKnowledge(folder: folder.url)
        #expect(refresh.added == 1 && refresh.unchanged == 5)
        #expect(try await serve.searchKnowledge("excel export", languages: ["en"]).first?.path == "data/export.md")
        #expect(try await serve.refreshKnowledge(folder: folder.url).unchanged == 6)
    }
}
