// Fuzz target `twilio-form`: compiled into module WhatsApp with swift-crypto linked (see scripts/fuzz/fuzz.sh).

/// The auth token of Tests/WhatsAppTests/Fixtures/twilio_vectors.json, so that the seeds' signatures
/// are valid and the fuzzer starts from requests that pass.
private let authToken = "12345678901234567890123456789012"

/// A Twilio webhook as `URL NUL X-Twilio-Signature NUL body` (or just a body, checked against a fixed
/// URL). Decoding must throw or give values that keep their promises, signature checking must never
/// trap, and a request signed the way Twilio signs must validate.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let parts = input.bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
    let url = parts.count == 3 ? String(decoding: parts[0], as: UTF8.self) : "https://support.example.com/webhooks/twilio"
    let signature = parts.count == 3 ? String(decoding: parts[1], as: UTF8.self) : nil
    let body = Array(parts.last ?? [])

    _ = TwilioSignature.isValid(signature: signature, url: url, body: body, authToken: authToken)
    _ = TwilioSignature.Algorithm(settingsHeader: signature)
    _ = MetaVerification.challenge(query: url, verifyToken: "verify-me")
    guard let pairs = try? FormURLEncoded.decode(body) else { return 0 }
    checkReencoding(pairs)
    let parameters = pairs.map { ($0.name, $0.value) }
    checkSignatures(url: url, signature: signature, parameters: parameters)

    if let message = try? TwilioInboundMessage(parameters: parameters) {
        fuzzInvariant(!message.messageSid.isEmpty && !message.from.isEmpty, "inbound without sid or sender")
        fuzzInvariant(message.numMedia >= message.media.count, "NumMedia below the media found")
        fuzzInvariant(!message.sender.value.isEmpty, "empty sender id")
        checkContactID(message.sender)
        if let recipient = message.recipient { checkContactID(recipient) }
        _ = message.triageText
    }
    if let status = try? TwilioStatusCallback(parameters: parameters) {
        fuzzInvariant(!status.messageSid.isEmpty, "status callback without sid")
        _ = (status.deliveryStatus, status.errorExplanation)
        if let recipient = status.recipient { checkContactID(recipient) }
    }
    return 0
}

/// Percent-encoding every byte and decoding again gives the same pairs, in the same order.
private func checkReencoding(_ pairs: [(name: String, value: String)]) {
    func encode(_ text: String) -> String {
        text.utf8.map { byte in
            let isPlain = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            return isPlain ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded()
        }.joined()
    }
    let body = pairs.map { encode($0.name) + "=" + encode($0.value) }.joined(separator: "&")
    guard let again = try? FormURLEncoded.decode(Array(body.utf8)) else {
        fuzzInvariant(false, "re-encoded body does not decode: \(body.prefix(200).debugDescription)")
        return
    }
    fuzzInvariant(again.map(\.name) == pairs.map(\.name) && again.map(\.value) == pairs.map(\.value),
                  "pairs change when re-encoded")
}

/// The received signature may be anything; a signature made the way Twilio makes it must validate.
private func checkSignatures(url: String, signature: String?, parameters: [(String, String)]) {
    _ = TwilioSignature.isValid(signature: signature, url: url, parameters: parameters, authToken: authToken)
    guard let candidates = TwilioSignature.candidateURLs(for: url) else { return }
    for algorithm in TwilioSignature.Algorithm.allCases {
        let signed = TwilioSignature.expected(url: candidates[0], parameters: parameters, authToken: authToken, algorithm: algorithm)
        fuzzInvariant(TwilioSignature.isValid(signature: signed, url: url, parameters: parameters.reversed(),
                                              authToken: authToken, algorithm: algorithm),
                      "\(algorithm) signature over \(candidates[0].debugDescription) does not validate")
        fuzzInvariant(!TwilioSignature.isValid(signature: signed, url: url, parameters: parameters, authToken: "",
                                               algorithm: algorithm), "an empty auth token validated")
    }
}

/// A phone id reads back as itself from its E.164 form.
private func checkContactID(_ id: WhatsAppContactID) {
    guard let phone = id.phone else { return }
    let again = WhatsAppContactID(phone.e164)
    fuzzInvariant(again?.phone?.e164 == phone.e164, "\(phone.e164) reads back as \(String(describing: again))")
}

extension String {
    /// Two hex digits for a byte.
    fileprivate func leftPadded() -> String { count == 1 ? "0" + self : self }
}
