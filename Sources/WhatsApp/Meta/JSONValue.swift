import Foundation

/// Any JSON value, so that the Meta decoder can walk a payload leniently: a field of an unexpected type
/// in one message must not make the whole batch (and every other message in it) fail to decode.
enum JSONValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses bytes; any syntax error becomes `malformedJSON`.
    static func parse(_ bytes: some Collection<UInt8>) throws(WhatsAppDecodingError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw .malformedJSON(String(describing: error).prefix(200).description)
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
