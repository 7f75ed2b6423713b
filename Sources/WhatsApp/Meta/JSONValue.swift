/// Any JSON value, so that the Meta decoder can walk a payload leniently: a field of an unexpected type
/// in one message must not make the whole batch (and every other message in it) fail to decode.
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses bytes (see ``JSONParser``); any syntax error becomes `malformedJSON`.
    static func parse(_ bytes: some Collection<UInt8>) throws(WhatsAppDecodingError) -> JSONValue {
        do {
            return try JSONParser.parse(Array(bytes))
        } catch {
            throw .malformedJSON("\(error.message) at byte \(error.offset)")
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { object[key] } else { nil }
    }

    var object: [String: JSONValue]? {
        if case .object(let object) = self { object } else { nil }
    }

    var array: [JSONValue]? {
        if case .array(let array) = self { array } else { nil }
    }

    /// A string, or a number written as one (Meta sends ids and timestamps as strings, but be lenient).
    var string: String? {
        switch self {
        case .string(let text): text
        case .number(let number):
            number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        default: nil
        }
    }

    /// A non-blank string.
    var text: String? { string?.nonBlank }

    var double: Double? {
        switch self {
        case .number(let number): number
        case .string(let text): Double(text.trimmingWhitespace())
        default: nil
        }
    }

    var int: Int? {
        double.flatMap { $0.rounded() == $0 && abs($0) < 1e15 ? Int($0) : nil }
    }

    var bool: Bool {
        switch self {
        case .bool(let value): value
        case .string(let text): text.lowercased() == "true"
        default: false
        }
    }
}
