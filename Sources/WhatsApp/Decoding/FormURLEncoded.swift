/// An `application/x-www-form-urlencoded` body, decoded into its pairs in wire order.
///
/// Order and repeats are kept because Twilio signs every parameter it sent, repeats included; a
/// dictionary would silently drop the second `MediaUrl` and the signature would no longer match.
/// Decoding is strict where browsers are lenient: a broken `%` escape or bytes that are not UTF-8 throw,
/// so the webhook answers 400 instead of storing text that was never sent.
public struct FormURLEncoded: Sendable {
    /// Every pair in the order it appeared. A segment without `=` is a name with an empty value.
    public let pairs: [(name: String, value: String)]

    public init(pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    /// Decodes a body; `+` is a space and `%XX` a byte, and the bytes of each part must be UTF-8.
    public init(decoding body: some Collection<UInt8>) throws(WhatsAppDecodingError) {
        self.pairs = try Self.decode(body)
    }

    /// Decodes a query string or body held as text (without a leading `?`).
    public init(decoding text: String) throws(WhatsAppDecodingError) {
        self.pairs = try Self.decode(Array(text.utf8))
    }

    /// The first value sent under `name`; names are compared byte for byte, as Twilio signs them.
    public func first(_ name: String) -> String? {
        pairs.first { $0.name.utf8.elementsEqual(name.utf8) }?.value
    }

    /// Every value sent under `name`, in wire order.
    public func all(_ name: String) -> [String] {
        pairs.filter { $0.name.utf8.elementsEqual(name.utf8) }.map(\.value)
    }

    /// The decoder itself, for callers that only want the pairs.
    public static func decode(_ body: some Collection<UInt8>) throws(WhatsAppDecodingError) -> [(name: String, value: String)] {
        let bytes = Array(body)
        var pairs: [(name: String, value: String)] = []
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "&") {
                end += 1
            }
            if end > start {
                var separator = start
                while separator < end, bytes[separator] != UInt8(ascii: "=") {
                    separator += 1
                }
                let name = try decodeComponent(bytes, start..<separator, field: "parameter name")
                let value = separator < end
                    ? try decodeComponent(bytes, (separator + 1)..<end, field: "value of \(name)")
                    : ""
                pairs.append((name: name, value: value))
            }
            start = end + 1
        }
        return pairs
    }

    private static func decodeComponent(
        _ bytes: [UInt8],
        _ range: Range<Int>,
        field: String
    ) throws(WhatsAppDecodingError) -> String {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "+"):
                decoded.append(UInt8(ascii: " "))
                index += 1
            case UInt8(ascii: "%"):
                guard index + 2 < range.upperBound,
                      let high = hexValue(bytes[index + 1]),
                      let low = hexValue(bytes[index + 2])
                else {
                    throw .invalidPercentEscape(offset: index)
                }
                decoded.append(high << 4 | low)
                index += 3
            default:
                decoded.append(byte)
                index += 1
            }
        }
        guard let text = String(validating: decoded, as: UTF8.self) else {
            throw .invalidUTF8(field: field)
        }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
