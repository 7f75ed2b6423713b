// Fuzz target `meta-json`: compiled into module WhatsApp with swift-crypto linked (see scripts/fuzz/fuzz.sh).
import Foundation

private let appSecret = "meta-app-secret"

/// A Meta Cloud API notification body, optionally preceded by an `X-Hub-Signature-256` value and a NUL.
/// Decoding must throw or give items in Meta's timestamp order with usable ids; the signature check
/// must never trap, and must accept the signature Meta would send.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    var body = input.bytes[...]
    var header: String?
    if let nul = body.firstIndex(of: 0) {
        header = String(decoding: body[..<nul], as: UTF8.self)
        body = body[(nul + 1)...]
    }
    _ = MetaSignature.isValid(header: header, body: body, appSecret: appSecret)
    let expected = MetaSignature.expected(body: body, appSecret: appSecret)
    fuzzInvariant(MetaSignature.isValid(header: expected, body: body, appSecret: appSecret), "Meta's own signature is refused")
    fuzzInvariant(MetaSignature.isValid(header: " " + expected.uppercased() + " ", body: body, appSecret: appSecret),
                  "upper-case hex with spaces is refused")
    fuzzInvariant(!MetaSignature.isValid(header: expected, body: body, appSecret: ""), "an empty app secret validated")

    guard let payload = try? MetaWebhookPayload(json: body) else { return 0 }
    fuzzInvariant(payload.object == MetaWebhookPayload.expectedObject, "object \(payload.object)")
    checkOrder(payload.messages.map(\.timestamp), "messages")
    checkOrder(payload.statuses.map(\.timestamp), "statuses")
    for message in payload.messages {
        fuzzInvariant(!message.id.trimmingCharacters(in: .whitespaces).isEmpty, "message without id")
        fuzzInvariant(!message.sender.value.isEmpty, "message without sender")
        _ = message.triageText
    }
    for status in payload.statuses {
        fuzzInvariant(!status.messageID.trimmingCharacters(in: .whitespaces).isEmpty, "status without id")
        _ = status.deliveryStatus
    }
    return 0
}

/// Oldest first, timestamps that exist are real instants, and items without one come last.
private func checkOrder(_ timestamps: [Date?], _ what: String) {
    var previous: Date?
    var sawMissing = false
    for timestamp in timestamps {
        guard let timestamp else {
            sawMissing = true
            continue
        }
        fuzzInvariant(timestamp.timeIntervalSince1970.isFinite, "\(what): timestamp \(timestamp.timeIntervalSince1970)")
        fuzzInvariant(!sawMissing, "\(what): a dated item after an undated one")
        if let previous { fuzzInvariant(previous <= timestamp, "\(what): \(previous) sorted before \(timestamp)") }
        previous = timestamp
    }
}
