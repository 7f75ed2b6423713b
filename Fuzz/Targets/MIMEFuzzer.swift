// Fuzz target `mime`: compiled into module Mail (see scripts/fuzz/fuzz.sh).
import Foundation

/// One raw message, as `switchboard parse-email` and `POST /webhooks/email` receive it. The parser must
/// throw only "no header section", and otherwise give output that keeps the contract: valid JSON with
/// every field, normalised line endings, sane attachments, and new text taken from the text itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let email: ParsedEmail
    do {
        email = try EmailParser.parse(input.bytes)
    } catch {
        fuzzInvariant(error as? EmailParserError == .noHeaderSection, "unexpected error \(error)")
        return 0
    }
    checkContractJSON(email)
    fuzzInvariant(!email.text.contains("\r") && !email.newText.contains("\r"), "line endings not normalised")
    for attachment in email.attachments {
        fuzzInvariant(attachment.size >= 0 && !attachment.contentType.isEmpty, "attachment \(attachment)")
    }
    for line in email.newText.split(separator: "\n") {
        fuzzInvariant(email.text.contains(line), "new_text line not in text: \(line.debugDescription)")
    }
    if let address = email.fromAddress {
        fuzzInvariant(!address.isEmpty, "empty from_address instead of null")
    }
    return 0
}

private let contractKeys: Set<String> = [
    "from_address", "from_name", "reply_to", "subject", "message_id", "in_reply_to", "references", "is_auto_reply",
    "auto_reply_reason", "text", "new_text", "attachments", "lang",
]

/// The JSON must parse, and hold every contract field (DESIGN.md fixes the names).
private func checkContractJSON(_ email: ParsedEmail) {
    let json = email.contractJSON()
    guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else {
        fuzzInvariant(false, "contract JSON does not parse: \(json.prefix(300).debugDescription)")
        return
    }
    let missing = contractKeys.subtracting(object.keys)
    fuzzInvariant(missing.isEmpty, "contract JSON lacks \(missing.sorted())")
    fuzzInvariant(object["text"] as? String == email.text, "JSON text differs from the parsed text")
}
