/// Comparisons whose running time does not depend on where two secrets first differ.
enum ConstantTime {
    /// True when both byte sequences are equal; only their lengths leak, and those are public anyway
    /// (a base64 HMAC-SHA1 is always 28 characters, a hex SHA-256 always 64).
    static func equals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        guard lhs.count == rhs.count else {
            return false
        }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) {
            difference |= left ^ right
        }
        return difference == 0
    }

    static func equals(_ lhs: String, _ rhs: String) -> Bool {
        equals(Array(lhs.utf8), Array(rhs.utf8))
    }
}
