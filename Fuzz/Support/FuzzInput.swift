/// The raw fuzzer input with a few cheap ways to read it: as bytes, as lossily decoded UTF-8 text, and
/// split at the first NUL into two texts for targets that need two strings (a line and a pattern).
struct FuzzInput {
    let bytes: [UInt8]

    init(_ data: UnsafePointer<UInt8>, _ size: Int) {
        bytes = Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The first byte, for choosing a variant; 0 for empty input.
    var selector: UInt8 { bytes.first ?? 0 }

    /// All bytes as text; invalid UTF-8 becomes U+FFFD, as it does where Switchboard decodes bytes.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes before and after the first NUL, as text (the second is empty when there is no NUL).
    var twoTexts: (String, String) {
        guard let nul = bytes.firstIndex(of: 0) else { return (text, "") }
        return (String(decoding: bytes[..<nul], as: UTF8.self), String(decoding: bytes[(nul + 1)...], as: UTF8.self))
    }
}
