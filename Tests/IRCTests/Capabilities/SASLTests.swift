import IRC
import Testing

@Suite struct SASLTests {
    /// Expected values computed with Python's `base64.b64encode`.
    @Test func plainPayload() {
        #expect(SASL.plainPayload(authenticationIdentity: "switchboard", password: "hunter2") == "AHN3aXRjaGJvYXJkAGh1bnRlcjI=")
        #expect(SASL.plainPayload(authorizationIdentity: "ops", authenticationIdentity: "وكيل", password: "pässwörd")
            == "b3BzANmI2YPZitmEAHDDpHNzd8O2cmQ=")
    }

    @Test func emptyPayloadIsASinglePlus() {
        #expect(SASL.authenticateChunks("") == ["+"])
    }

    @Test(arguments: [1, 399, 400, 401, 799, 800, 1000, 1200])
    func chunksOf400WithPlusAfterAnExactFit(_ length: Int) {
        let payload = String(repeating: "QUJD", count: 300).prefix(length)
        let chunks = SASL.authenticateChunks(String(payload))
        let data = length % 400 == 0 ? chunks.dropLast() : chunks[...]
        #expect(data.joined() == payload)
        #expect(data.allSatisfy { $0.utf8.count <= 400 })
        #expect(data.dropLast().allSatisfy { $0.utf8.count == 400 })
        #expect((chunks.last == "+") == (length % 400 == 0))
        #expect(chunks.count == length / 400 + 1)
    }

    @Test func exactly400BytesGetsAnExtraPlus() {
        let payload = String(repeating: "A", count: 400)
        #expect(SASL.authenticateChunks(payload) == [payload, "+"])
    }

    @Test func nulInAComponentIsDetectable() {
        #expect(SASL.isValidPlainComponent("hunter2"))
        #expect(!SASL.isValidPlainComponent("a\0b"))
    }
}
