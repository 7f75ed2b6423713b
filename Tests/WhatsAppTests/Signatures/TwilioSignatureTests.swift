import Foundation
import Testing
@testable import WhatsApp

@Suite struct TwilioSignatureTests {
    @Test func fixtureHasTheCasesTheBriefAsksFor() throws {
        let vectors = try TwilioVector.all()
        #expect(vectors.count >= 12)
        #expect(TwilioVector.forms.count >= 10)
        #expect(TwilioVector.jsons.count >= 1)
        #expect(vectors.contains { $0.url.contains(":8443") })
        #expect(vectors.contains { $0.url.contains("?") })
        #expect(vectors.contains { vector in vector.pairs.contains { $0.1.contains("😡") } })
        #expect(vectors.contains { vector in Set(vector.pairs.map(\.0)).count < vector.pairs.count })
        #expect(vectors.contains { vector in vector.pairs.contains { $0.1.isEmpty } })
    }

    @Test(arguments: TwilioVector.forms)
    func libraryVectorValidates(_ vector: TwilioVector) {
        #expect(TwilioSignature.isValid(
            signature: vector.signature,
            url: vector.url,
            parameters: vector.pairs,
            authToken: vector.token,
            algorithm: vector.twilioAlgorithm
        ))
    }

    @Test(arguments: TwilioVector.forms)
    func expectedMatchesTheLibraryOnTheSignedURL(_ vector: TwilioVector) {
        #expect(TwilioSignature.expected(
            url: vector.signedURL,
            parameters: vector.pairs,
            authToken: vector.token,
            algorithm: vector.twilioAlgorithm
        ) == vector.signature)
    }

    @Test(arguments: TwilioVector.forms)
    func rawFormBodyDecodesAndValidates(_ vector: TwilioVector) throws {
        let form = try FormURLEncoded(decoding: Array(vector.formBody!.utf8))
        #expect(form.pairs.map { [$0.name, $0.value] } == vector.params)
        #expect(TwilioSignature.isValid(
            signature: vector.signature,
            url: vector.url,
            parameters: form.pairs,
            authToken: vector.token,
            algorithm: vector.twilioAlgorithm
        ))
    }

    @Test(arguments: TwilioVector.forms)
    func tamperedValueIsRejected(_ vector: TwilioVector) {
        guard let first = vector.pairs.first else {
            return
        }
        var tampered = vector.pairs
        tampered[0] = (first.0, first.1 + "x")
        #expect(!TwilioSignature.isValid(
            signature: vector.signature, url: vector.url, parameters: tampered,
            authToken: vector.token, algorithm: vector.twilioAlgorithm
        ))
    }

    @Test(arguments: TwilioVector.forms)
    func addedParameterIsRejected(_ vector: TwilioVector) {
        #expect(!TwilioSignature.isValid(
            signature: vector.signature, url: vector.url, parameters: vector.pairs + [("Injected", "1")],
            authToken: vector.token, algorithm: vector.twilioAlgorithm
        ))
    }

    @Test(arguments: TwilioVector.forms)
    func tamperedURLIsRejected(_ vector: TwilioVector) {
        for url in [vector.url + "x", vector.url.replacingOccurrences(of: "/webhooks", with: "/webhookz")] {
            #expect(!TwilioSignature.isValid(
                signature: vector.signature, url: url, parameters: vector.pairs,
                authToken: vector.token, algorithm: vector.twilioAlgorithm
            ))
        }
    }

    @Test(arguments: TwilioVector.forms)
    func wrongTokenOrAlgorithmIsRejected(_ vector: TwilioVector) {
        #expect(!TwilioSignature.isValid(
            signature: vector.signature, url: vector.url, parameters: vector.pairs,
            authToken: vector.token + "0", algorithm: vector.twilioAlgorithm
        ))
        let other: TwilioSignature.Algorithm = vector.twilioAlgorithm == .hmacSHA1 ? .hmacSHA256 : .hmacSHA1
        #expect(!TwilioSignature.isValid(
            signature: vector.signature, url: vector.url, parameters: vector.pairs,
            authToken: vector.token, algorithm: other
        ))
    }

    @Test(arguments: TwilioVector.jsons)
    func jsonBodyVectorValidates(_ vector: TwilioVector) {
        let body = Array(vector.jsonBody!.utf8)
        #expect(TwilioSignature.bodySHA256(body) == vector.bodySHA256)
        #expect(TwilioSignature.isValid(signature: vector.signature, url: vector.url, body: body, authToken: vector.token))
    }

    @Test(arguments: TwilioVector.jsons)
    func jsonBodyTamperingIsRejected(_ vector: TwilioVector) {
        let body = Array(vector.jsonBody!.utf8)
        #expect(!TwilioSignature.isValid(signature: vector.signature, url: vector.url, body: body + [0x20], authToken: vector.token))
        #expect(!TwilioSignature.isValid(signature: vector.signature, url: vector.url, body: body, authToken: "wrong"))
        let withoutHash = vector.url.replacingOccurrences(of: "bodySHA256=", with: "bodySHA257=")
        #expect(!TwilioSignature.isValid(signature: vector.signature, url: withoutHash, body: body, authToken: vector.token))
    }

    @Test func missingOrEmptySecretsNeverValidate() throws {
        let vector = try #require(TwilioVector.forms.first)
        #expect(!TwilioSignature.isValid(signature: nil, url: vector.url, parameters: vector.pairs, authToken: vector.token))
        #expect(!TwilioSignature.isValid(signature: "", url: vector.url, parameters: vector.pairs, authToken: vector.token))
        let unkeyed = TwilioSignature.expected(url: vector.url, parameters: vector.pairs, authToken: "")
        #expect(!TwilioSignature.isValid(signature: unkeyed, url: vector.url, parameters: vector.pairs, authToken: ""))
    }

    @Test func settingsHeaderChoosesTheAlgorithm() {
        #expect(TwilioSignature.Algorithm(settingsHeader: nil) == .hmacSHA1)
        #expect(TwilioSignature.Algorithm(settingsHeader: "") == .hmacSHA1)
        #expect(TwilioSignature.Algorithm(settingsHeader: "key=webhooks_sharedkey_1") == .hmacSHA1)
        #expect(TwilioSignature.Algorithm(settingsHeader: "key=k1, algorithm=HMAC_SHA256") == .hmacSHA256)
        #expect(TwilioSignature.Algorithm(settingsHeader: "algorithm=hmac_sha1,key=k1") == .hmacSHA1)
        #expect(TwilioSignature.Algorithm(settingsHeader: "key=k1,algorithm=HMAC_SHA512") == nil)
    }
}
