import Foundation
import Testing
@testable import WhatsApp

/// Bodies the `meta-json` fuzz target (Fuzz/Targets/MetaJSONFuzzer.swift) found, from Fixtures/fuzz.
@Suite struct MetaWebhookPayloadFuzzRegressionTests {
    private func payload(_ name: String) throws -> MetaWebhookPayload {
        try MetaWebhookPayload(json: Fixture.bytes("fuzz/" + name))
    }

    private func timestamp(_ text: String) throws -> Date? {
        let body = #"{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":"#
            + #"[{"id":"m1","from":"971501234567","type":"text","timestamp":\#(text)}]}}]}]}"#
        return try #require(try MetaWebhookPayload(json: Array(body.utf8)).messages.first).timestamp
    }

    /// `"timestamp": "1e4001700000009"` read as infinity: a date that sorts nowhere and cannot be stored.
    @Test func aTimestampOutsideFourDigitYearsIsGarbled() throws {
        let payload = try payload("meta-json-infinite-timestamp")
        let garbled = try #require(payload.messages.first { $0.id == "m09" })
        #expect(garbled.timestamp == nil)
        #expect(payload.messages.last?.id == "m09", "an undated message sorts last")
        let dated = payload.messages.compactMap(\.timestamp)
        #expect(dated == dated.sorted())

        #expect(try timestamp(#""1e400""#) == nil)
        #expect(try timestamp(#""nan""#) == nil)
        #expect(try timestamp(#""-inf""#) == nil)
        #expect(try timestamp(#""-1""#) == nil)
        #expect(try timestamp("253402300800") == nil)
        #expect(try timestamp("253402300799") == Date(timeIntervalSince1970: 253_402_300_799))
        #expect(try timestamp(#""1700000001""#) == Date(timeIntervalSince1970: 1_700_000_001))
    }

    /// The first of two `timestamp` keys wins, as it did when `JSONDecoder` read the body.
    @Test func aRepeatedKeyKeepsItsFirstValue() throws {
        let message = try #require(try payload("meta-json-duplicate-key").messages.first { $0.id == "m01" })
        #expect(message.timestamp == Date(timeIntervalSince1970: 1019))
    }

    @Test func aTrailingCommaIsAccepted() throws {
        let payload = try payload("meta-json-trailing-comma")
        #expect(payload.messages.contains { $0.id == "m03" })
    }

    /// A raw control character in the value of a repeated key: `JSONDecoder` never read that value and let
    /// it through; the body is not JSON, and is refused.
    @Test func aBadStringUnderARepeatedKeyIsRefused() {
        #expect(throws: WhatsAppDecodingError.self) { try payload("meta-json-shadowed-control") }
    }
}
