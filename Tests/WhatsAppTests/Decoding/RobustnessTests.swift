import Testing
@testable import WhatsApp

/// Decoders take bytes from the internet: whatever arrives, they must throw or return, never trap.
@Suite struct RobustnessTests {
    private static let iterations = 400

    private func mutate(_ bytes: [UInt8], using random: inout SeededRandom) -> [UInt8] {
        var copy = bytes
        for _ in 0..<Int.random(in: 1...8, using: &random) where !copy.isEmpty {
            let index = Int.random(in: 0..<copy.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: copy[index] = UInt8.random(in: 0...255, using: &random)
            case 1: copy.remove(at: index)
            default: copy.insert(copy[Int.random(in: 0..<copy.count, using: &random)], at: index)
            }
        }
        return copy
    }

    @Test func mutatedFormBodiesNeverTrap() throws {
        var random = SeededRandom(seed: 1)
        let seed = Array("MessageSid=SM1&From=whatsapp%3A%2B971501234567&Body=%D9%85+hi&MediaUrl0=x&NumMedia=1".utf8)
        var decoded = 0
        for _ in 0..<Self.iterations {
            let body = mutate(seed, using: &random)
            if let form = try? FormURLEncoded(decoding: body) {
                decoded += 1
                _ = try? TwilioInboundMessage(parameters: form.pairs)
                _ = try? TwilioStatusCallback(parameters: form.pairs)
            }
        }
        #expect(decoded > 0)
    }

    @Test func mutatedMetaPayloadsNeverTrap() throws {
        var random = SeededRandom(seed: 2)
        let seed = try Fixture.bytes("meta_all_types.json")
        var decoded = 0
        for _ in 0..<Self.iterations {
            if let payload = try? MetaWebhookPayload(json: mutate(seed, using: &random)) {
                decoded += 1
                _ = payload.messages.map(\.triageText)
            }
        }
        #expect(decoded > 0)
    }

    @Test func randomURLsNeverTrap() {
        var random = SeededRandom(seed: 3)
        let alphabet = Array("htps:/[]@?#;:%80a.ex1é😀 \t".unicodeScalars)
        for _ in 0..<Self.iterations {
            var url = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...24, using: &random) {
                url.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)])
            }
            _ = TwilioSignature.candidateURLs(for: String(url))
            _ = TwilioSignature.isValid(signature: "x", url: String(url), parameters: [], authToken: "t")
        }
    }

    @Test func randomPhoneTextNeverTraps() {
        var random = SeededRandom(seed: 4)
        let alphabet = Array("+0123456789 ()-.٠٥whatsapp:US.\u{200E}".unicodeScalars)
        for _ in 0..<Self.iterations {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...20, using: &random) {
                text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)])
            }
            let normalised = PhoneNumber.normalise(String(text), defaultCallingCode: "971")
            if case .international(let number) = normalised {
                #expect(PhoneNumber(e164: number.e164) == number)
            }
            _ = WhatsAppContactID(String(text))
        }
    }
}
