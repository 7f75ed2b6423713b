/// Decodes a form body the forgiving way web frameworks do (Python's `parse_qsl`): a broken `%` escape
/// stays literal and bytes that are not UTF-8 become U+FFFD.
///
/// Used only to check the signature of a body the strict `FormURLEncoded` refuses, so that such a body
/// is answered in DESIGN.md's order: a signed but malformed request is a 400, an unsigned one a 403,
/// and nobody learns about parsing without a valid signature.
enum LenientFormDecoder {
    static func decode(_ body: [UInt8]) -> [(String, String)] {
        body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { segment in
            if let equals = segment.firstIndex(of: UInt8(ascii: "=")) {
                return (component(segment[..<equals]), component(segment[(equals + 1)...]))
            }
            return (component(segment[...]), "")
        }
    }

    private static func component(_ bytes: ArraySlice<UInt8>) -> String {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                decoded.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                      let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
                continue
            } else {
                decoded.append(byte)
            }
            index += 1
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
