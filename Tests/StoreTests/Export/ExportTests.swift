import Desk
import Foundation
import Store
import Testing

@Suite struct ExportTests {
    static let contractKeys: Set<String> = [
        "ticket", "message_id", "direction", "channel", "provider_id", "customer", "received_at", "category",
        "urgency", "lang", "status", "text",
    ]

    @Test func rowsHaveExactlyTheContractShape() async throws {
        let clock = TestClock()
        let (database, _) = try Fixtures.database(clock)
        // One customer on both channels, so the email joins the WhatsApp ticket.
        let csv = "name,company,plan,emails,phones,owner,language,notes\nPat,,,pat@kettle.example,+971501234567,,,\n"
        _ = try await database.importCustomers(try CustomerCSV.parse(csv).rows)
        let inbound = try await database.ingest(
            Fixtures.whatsapp("SM1", text: "wallah the kettle is dead"), triage: Fixtures.triage(.bugReport, urgency: .high, lang: "ar-Latn")
        ).receipt
        clock.advance(by: 60)
        _ = try await database.ingest(Fixtures.email("m1@mail.example", from: "pat@kettle.example"), triage: nil)
        clock.advance(by: 60)
        let outbound = try await database.enqueueOutbound(Fixtures.draft(ticket: inbound.ticketID, text: "A new one ships today."), lifecycle: .replied)

        let rows = try database.exportRows(customerID: nil)
        #expect(rows.count == 3)
        let lines = try rows.map { try $0.jsonLine() }
        let objects = try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        for object in objects {
            #expect(Set(object.keys) == Self.contractKeys)
            #expect(object["ticket"] is Int)
            #expect(object["message_id"] is Int)
            #expect(object["customer"] is Int)
            #expect(["in", "out"].contains(object["direction"] as? String))
            #expect(["whatsapp", "email"].contains(object["channel"] as? String))
            let stamp = try #require(object["received_at"] as? String)
            #expect(stamp.hasSuffix("Z"))
            #expect(Timestamp.parse(stamp) != nil)
            #expect(object["text"] is String)
        }

        let first = objects[0]
        #expect(first["ticket"] as? Int == Int(inbound.ticketID))
        #expect(first["message_id"] as? Int == Int(inbound.messageID))
        #expect(first["customer"] as? Int == Int(inbound.customerID))
        #expect(first["direction"] as? String == "in")
        #expect(first["provider_id"] as? String == "SM1")
        #expect(first["category"] as? String == "bug_report")
        #expect(first["urgency"] as? String == "high")
        #expect(first["lang"] as? String == "ar-Latn")
        #expect(first["status"] as? String == "received")
        #expect(first["received_at"] as? String == Timestamp.rfc3339(Date(timeIntervalSince1970: 1_750_000_000)))

        // The email joined the same ticket; its Message-ID is exported without brackets, and having no
        // triage of its own it carries the ticket's.
        let email = objects[1]
        #expect(email["provider_id"] as? String == "m1@mail.example")
        #expect(email["category"] as? String == "bug_report")

        // Outbound: queued, no provider id yet (null, not missing), the ticket's category/urgency/lang.
        let out = objects[2]
        #expect(out["direction"] as? String == "out")
        #expect(out["message_id"] as? Int == Int(outbound.messageID))
        #expect(out["provider_id"] is NSNull)
        #expect(out["status"] as? String == "queued")
        #expect(out["category"] as? String == "bug_report")
        #expect(out["urgency"] as? String == "high")
        #expect(out["lang"] as? String == "ar-Latn")
        #expect(out["text"] as? String == "A new one ships today.")
    }

    @Test func untriagedRowsSayUndAndNull() async throws {
        let (database, _) = try Fixtures.database()
        _ = try await database.ingest(Fixtures.whatsapp("SM1"), triage: nil)
        let line = try #require(try database.exportRows(customerID: nil).first).jsonLine()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["category"] is NSNull)
        #expect(object["urgency"] as? String == "normal")
        #expect(object["lang"] as? String == "und")
    }

    @Test func filtersByCustomerAndOrdersByConversation() async throws {
        let clock = TestClock()
        let (database, _) = try Fixtures.database(clock)
        let base = clock.now
        let pat = try await database.ingest(Fixtures.whatsapp("SM2", text: "second", at: base.addingTimeInterval(-1)), triage: nil).receipt
        _ = try await database.ingest(Fixtures.whatsapp("SM9", from: "+6281234567890", text: "other customer"), triage: nil)
        _ = try await database.ingest(Fixtures.whatsapp("SM1", text: "first", at: base.addingTimeInterval(-9)), triage: nil)
        let rows = try database.exportRows(customerID: pat.customerID)
        #expect(rows.map(\.text) == ["first", "second"])
        #expect(try database.exportRows(customerID: nil).count == 3)
        #expect(try database.exportRows(customerID: 12345).isEmpty)
    }
}
