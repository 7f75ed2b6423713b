/// The header section of a message, in order, with case-insensitive lookup.
public struct EmailHeaders: Sendable, Equatable {
    public let fields: [EmailHeaderField]

    public init(fields: [EmailHeaderField]) {
        self.fields = fields
    }

    /// The decoded value of the first field with this name (case-insensitive), or `nil`.
    public subscript(name: String) -> String? {
        first(name)?.value
    }

    /// The decoded values of every field with this name, in order.
    public func values(_ name: String) -> [String] {
        let key = name.lowercased()
        return fields.filter { $0.key == key }.map(\.value)
    }

    public func contains(_ name: String) -> Bool {
        first(name) != nil
    }

    /// The first field with this name (case-insensitive).
    public func first(_ name: String) -> EmailHeaderField? {
        let key = name.lowercased()
        return fields.first { $0.key == key }
    }
}
