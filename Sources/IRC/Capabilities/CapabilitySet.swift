/// IRCv3 capabilities as announced by `CAP LS 302`, `CAP NEW` and `CAP DEL`.
public struct CapabilitySet: Sendable, Hashable {
    /// Capability name to value; a capability without a value maps to `""`.
    public private(set) var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// Parses a space-separated list such as `sasl=PLAIN,EXTERNAL multi-prefix` into
    /// `["sasl": "PLAIN,EXTERNAL", "multi-prefix": ""]`. Repeated spaces are tolerated; names are kept as
    /// sent, including a leading `-` in an ACK that disables a capability.
    public static func parse(_ list: some StringProtocol) -> [String: String] {
        var result: [String: String] = [:]
        for item in list.split(separator: " ") {
            if let equals = item.firstIndex(of: "=") {
                result[String(item[..<equals])] = String(item[item.index(after: equals)...])
            } else {
                result[String(item)] = ""
            }
        }
        return result
    }

    /// Adds or updates the capabilities of one `CAP LS` or `CAP NEW` line.
    public mutating func add(_ list: some StringProtocol) {
        values.merge(Self.parse(list)) { _, new in new }
    }

    /// Removes the capabilities of one `CAP DEL` line.
    public mutating func remove(_ list: some StringProtocol) {
        for name in Self.parse(list).keys {
            values[name] = nil
        }
    }

    public func contains(_ name: String) -> Bool {
        values[name] != nil
    }

    public subscript(name: String) -> String? {
        values[name]
    }

    public var names: Set<String> {
        Set(values.keys)
    }

    /// The mechanisms listed by `sasl=…`: `nil` without the `sasl` capability, empty when the server did
    /// not list any (then try the one configured and let the server answer 908).
    public var saslMechanisms: [String]? {
        values["sasl"].map { $0.split(separator: ",").map(String.init) }
    }
}
