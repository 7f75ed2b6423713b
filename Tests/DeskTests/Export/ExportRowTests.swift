import Desk
import Foundation
import Testing

@Suite struct ExportRowTests {
    static let contractKeys: Set<String> = [
        "ticket", "message_id", "direction", "channel", "provider_id", "customer", "received_at", "category",
        "urgency", "lang", "status", "text",
    ]

    @Test func encodesExactlyTheContractKeysWithNulls() throws {
        let row = ExportRow(
            ticket: 42, messageID: 7, direction: .outbound, channel: .whatsapp, providerID: nil, customer: 3,
            receivedAt: Date(timeIntervalSince1970: 1_750_000_000.25), category: nil, urgency: .normal, lang: "ar-Latn",
            status: .queued, text: "Salam / hi"
        )
        let line = try row.jsonLine()
        #expect(!line.contains("\n"))
        #expect(line.contains("Salam / hi"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(Set(object.keys) == Self.contractKeys)
        #expect(object["ticket"] as? Int == 42)
        #expect(object["message_id"] as? Int == 7)
        #expect(object["direction"] as? String == "out")
        #expect(object["channel"] as? String == "whatsapp")
        #expect(object["provider_id"] is NSNull)
        #expect(object["category"] is NSNull)
        #expect(object["received_at"] as? String == "2025-06-15T15:06:40Z")
        #expect(object["status"] as? String == "queued")
        #expect(object["lang"] as? String == "ar-Latn")
    }

    @Test func roundTrips() throws {
        let row = ExportRow(
            ticket: 1, messageID: 2, direction: .inbound, channel: .email, providerID: "abc@mail.example", customer: 5,
            receivedAt: Date(timeIntervalSince1970: 1_750_000_000), category: .churnRisk, urgency: .high, lang: "en",
            status: .received, text: "cancel"
        )
        let decoded = try JSONDecoder().decode(ExportRow.self, from: Data(try row.jsonLine().utf8))
        #expect(decoded == row)
    }
}
