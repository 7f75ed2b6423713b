import Desk
import Foundation
import Store
import Testing

@Suite("parse-email and ingest-email")
struct EmailCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("Tests/MailTests/Fixtures/email-corpus/dev")

    static func config(storage: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sb-mail-\(UUID().uuidString).yaml").path
        try "storage: {path: \(storage)}\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("parse-email prints exactly the contract's fields")
    func parseEmailFields() async throws {
        let result = try await SwitchboardBinary.run(["parse-email", Self.corpus.appendingPathComponent("d09_en_mixed_pdf_reply_to.eml").path])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["from_address", "from_name", "reply_to", "subject", "message_id", "in_reply_to", "references",
                                     "is_auto_reply", "auto_reply_reason", "text", "new_text", "attachments", "lang"])
    }

    @Test("parse-email reads standard input; a non-message exits 65")
    func parseEmailStdin() async throws {
        let raw = try Data(contentsOf: Self.corpus.appendingPathComponent("d01_en_plain_7bit_new_ticket.eml"))
        #expect(try await SwitchboardBinary.run(["parse-email"], stdin: raw).status == 0)
        #expect(try await SwitchboardBinary.run(["parse-email"], stdin: Data("just some words\nwithout headers\n".utf8)).status == 65)
    }

    @Test("ingest-email: 0 stored, 0 again for the duplicate, 65 for garbage, 75 when the database can't be opened")
    func ingestExitCodes() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let config = try Self.config(storage: dir.appendingPathComponent("db.sqlite").path)
        let raw = try Data(contentsOf: Self.corpus.appendingPathComponent("d02_ar_utf8_8bit_encoded_subject_from.eml"))
        var result = try await SwitchboardBinary.run(["ingest-email", "--config", config], stdin: raw)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("stored on ticket #1"))
        result = try await SwitchboardBinary.run(["ingest-email", "--config", config], stdin: raw)
        #expect(result.status == 0)
        #expect(result.stdout.contains("duplicate"))
        result = try await SwitchboardBinary.run(["ingest-email", "--config", config], stdin: Data("no headers here".utf8))
        #expect(result.status == 65)

        let unwritable = try Self.config(storage: "/proc/switchboard-cannot-exist/db.sqlite")
        result = try await SwitchboardBinary.run(["ingest-email", "--config", unwritable], stdin: raw)
        #expect(result.status == 75, "\(result.stderr)")
        result = try await SwitchboardBinary.run(["ingest-email", "--config", "/nonexistent.yaml"], stdin: raw)
        #expect(result.status == 75)
    }

    @Test("end to end: an email to the pipe joins the same customer's WhatsApp ticket; a reply to our email threads back")
    func crossChannelAndThreading() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let dbPath = dir.appendingPathComponent("db.sqlite").path
        let config = try Self.config(storage: dbPath)
        let csv = dir.appendingPathComponent("customers.csv").path
        try "name,company,plan,emails,phones,owner,language,notes\nPriya Nair,Kettle & Co,Enterprise,Priya@Kettle.example,+91 98450 11223,founder,en,\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        var result = try await SwitchboardBinary.run(["import-customers", "--config", config, csv])
        #expect(result.status == 0, "\(result.stderr)")

        let database = try AppDatabase.open(path: dbPath)
        let whatsapp = try await database.ingest(InboundMessage(channel: .whatsapp, providerID: "SMe2e0001", contact: .phone("+919845011223"),
                                                               text: "the Tally sync failed again"), triage: nil)
        let email = """
            From: Priya Nair <priya@kettle.example>\r
            To: support@bazaarly.example\r
            Subject: Tally sync\r
            Message-ID: <e2e-1@kettle.example>\r
            \r
            Following up on my WhatsApp: the sync failed again this morning.\r

            """
        result = try await SwitchboardBinary.run(["ingest-email", "--config", config], stdin: Data(email.utf8))
        #expect(result.stdout.contains("stored on ticket #\(whatsapp.ticketID)"), "\(result.stdout) \(result.stderr)")

        // Our reply goes out with its own Message-ID; the customer's answer quotes it and comes back here,
        // even from a colleague's address.
        let outbound = try await database.enqueueOutbound(OutboundDraft(
            ticketID: whatsapp.ticketID, channel: .email, text: "The fix ships Friday.", payload: Data("{}".utf8), author: "founder",
            subject: "Re: Tally sync [#\(whatsapp.ticketID)]", emailMessageID: "reply-77@switchboard"))
        #expect(outbound.ticketID == whatsapp.ticketID)
        let answer = """
            From: Accounts <accounts@kettle.example>\r
            To: support@bazaarly.example\r
            Subject: Re: Tally sync\r
            Message-ID: <e2e-2@kettle.example>\r
            In-Reply-To: <reply-77@switchboard>\r
            \r
            Thanks, Friday works.\r

            """
        result = try await SwitchboardBinary.run(["ingest-email", "--config", config], stdin: Data(answer.utf8))
        #expect(result.stdout.contains("stored on ticket #\(whatsapp.ticketID)"), "\(result.stdout) \(result.stderr)")
    }
}
