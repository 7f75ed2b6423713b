// Fuzz target `meta-json`: compiled into module WhatsApp with swift-crypto linked (see scripts/fuzz/fuzz.sh).
import Foundation

private let appSecret = "meta-app-secret"

/// A Meta Cloud API notification body, optionally preceded by an `X-Hub-Signature-256` value and a NUL.
/// Decoding must throw or give items in Meta's timestamp order with usable ids; the signature check
/// must never trap, and must accept the signature Meta would send. `JSONParser` must agree with
/// Foundation's `JSONDecoder` on every body it can judge.
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

    checkAgainstFoundation(Array(body))
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

/// Oldest first, timestamps that exist are instants Switchboard can store, and items without one come last.
private func checkOrder(_ timestamps: [Date?], _ what: String) {
    var previous: Date?
    var sawMissing = false
    for timestamp in timestamps {
        guard let timestamp else {
            sawMissing = true
            continue
        }
        fuzzInvariant((0...MetaWebhookPayload.latestTimestamp).contains(timestamp.timeIntervalSince1970),
                      "\(what): timestamp \(timestamp.timeIntervalSince1970)")
        fuzzInvariant(!sawMissing, "\(what): a dated item after an undated one")
        if let previous { fuzzInvariant(previous <= timestamp, "\(what): \(previous) sorted before \(timestamp)") }
        previous = timestamp
    }
}

/// Differential check: `JSONParser` against the `Decodable` route through Foundation's `JSONDecoder` that
/// it replaced, on bodies shallow enough for that route to be quick. Both accept the same documents and
/// read the same values; only the parser's depth cap (64, against the decoder's 512) may differ.
private func checkAgainstFoundation(_ bytes: [UInt8]) {
    // JSONDecoder accepts a top-level number followed by NUL bytes (`1\0`); JSON text never holds a raw
    // NUL, and the parser refuses one anywhere.
    guard bracketDepth(bytes) <= 16, !bytes.contains(0) else { return }
    let ours = Result { () throws(JSONParser.Failure) in try JSONParser.parse(bytes) }
    let foundation = (try? JSONDecoder().decode(FoundationJSON.self, from: Data(bytes)))?.value
    switch ours {
    case .success(let value):
        // JSONDecoder refuses `0e1` and `0E5` (yet reads `0e+1`, `-0e1` and `0e0`); RFC 8259 allows them.
        if foundation == nil, hasUnsignedZeroWithExponent(bytes) { return }
        fuzzInvariant(foundation == value, "JSONParser read \(value), JSONDecoder \(String(describing: foundation))")
    case .failure(let failure):
        // JSONDecoder never reads the value of a repeated key it drops, so it misses a bad string there;
        // JSONSerialization reads everything and refuses such a document.
        let invalid = (try? JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)) == nil
        fuzzInvariant(foundation == nil || invalid, "JSONParser refused (\(failure)), JSONDecoder read \(String(describing: foundation))")
    }
}

/// Whether a number literal `0e<digit>` or `0E<digit>` (not after a digit, `.` or `-`) occurs.
private func hasUnsignedZeroWithExponent(_ bytes: [UInt8]) -> Bool {
    func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    for index in bytes.indices.dropLast(2) where bytes[index] == UInt8(ascii: "0") {
        let before = index > 0 ? bytes[index - 1] : UInt8(ascii: " ")
        guard !isDigit(before), before != UInt8(ascii: "."), before != UInt8(ascii: "-") else { continue }
        if bytes[index + 1] | 0x20 == UInt8(ascii: "e"), isDigit(bytes[index + 2]) { return true }
    }
    return false
}

/// The deepest bracket nesting outside strings (an upper bound good enough to skip deep inputs).
private func bracketDepth(_ bytes: [UInt8]) -> Int {
    var depth = 0
    var deepest = 0
    var inString = false
    var escaped = false
    for byte in bytes {
        if inString {
            if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            continue
        }
        switch byte {
        case UInt8(ascii: "\""): inString = true
        case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1; deepest = max(deepest, depth)
        case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
        default: break
        }
    }
    return deepest
}

/// JSONValue decoded by trying each type in turn, as the WhatsApp module did before `JSONParser`.
private struct FoundationJSON: Decodable {
    let value: JSONValue

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .null
        } else if let bool = try? container.decode(Bool.self) {
            value = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            value = .number(number)
        } else if let string = try? container.decode(String.self) {
            value = .string(string)
        } else if let array = try? container.decode([FoundationJSON].self) {
            value = .array(array.map(\.value))
        } else {
            value = .object(try container.decode([String: FoundationJSON].self).mapValues(\.value))
        }
    }
}
