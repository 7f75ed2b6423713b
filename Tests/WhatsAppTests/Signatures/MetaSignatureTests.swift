import Foundation
import Testing
@testable import WhatsApp

@Suite struct MetaSignatureTests {
    private let secret = "test-app-secret"

    private func signedBatch() throws -> (body: [UInt8], header: String) {
        (try Fixture.bytes("meta_batch.json"), try Fixture.text("meta_batch.json.sig").trimmingWhitespace())
    }

    @Test func pythonSignatureOverRawBytesWithEmojiPasses() throws {
        let (body, header) = try signedBatch()
        #expect(String(decoding: body, as: UTF8.self).contains("😡"))
        #expect(MetaSignature.isValid(header: header, body: body, appSecret: secret))
        #expect(MetaSignature.expected(body: body, appSecret: secret) == header)
    }

    @Test func reserialisedJSONFails() throws {
        let (body, header) = try signedBatch()
        let object = try JSONSerialization.jsonObject(with: Data(body))
        let reserialised = Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
        #expect(reserialised != body)
        #expect(try MetaWebhookPayload(json: reserialised).messages.count == 3)
        #expect(!MetaSignature.isValid(header: header, body: reserialised, appSecret: secret))
    }

    @Test func uppercaseHexAndSurroundingSpaceAreAccepted() throws {
        let (body, header) = try signedBatch()
        let upper = "sha256=" + header.dropFirst("sha256=".count).uppercased()
        #expect(MetaSignature.isValid(header: upper, body: body, appSecret: secret))
        #expect(MetaSignature.isValid(header: " \(header) ", body: body, appSecret: secret))
        #expect(MetaSignature.isValid(header: "SHA256=" + header.dropFirst(7), body: body, appSecret: secret))
    }

    @Test func wrongSecretBodyOrFormIsRejected() throws {
        let (body, header) = try signedBatch()
        #expect(!MetaSignature.isValid(header: header, body: body, appSecret: "other-secret"))
        #expect(!MetaSignature.isValid(header: header, body: body, appSecret: ""))
        #expect(!MetaSignature.isValid(header: header, body: body + [0x0A], appSecret: secret))
        #expect(!MetaSignature.isValid(header: nil, body: body, appSecret: secret))
        #expect(!MetaSignature.isValid(header: String(header.dropFirst(7)), body: body, appSecret: secret))
        #expect(!MetaSignature.isValid(header: "sha1=" + header.dropFirst(7), body: body, appSecret: secret))
        #expect(!MetaSignature.isValid(header: String(header.dropLast()), body: body, appSecret: secret))
        #expect(!MetaSignature.isValid(header: String(header.dropLast(2)), body: body, appSecret: secret))
        #expect(!MetaSignature.isValid(header: String(header.dropLast()) + "g", body: body, appSecret: secret))
    }

    @Test func knownVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        let body = Array("what do ya want for nothing?".utf8)
        let expected = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        #expect(MetaSignature.expected(body: body, appSecret: "Jefe") == expected)
        #expect(MetaSignature.isValid(header: expected, body: body, appSecret: "Jefe"))
    }
}
