/// An open-addressing table from a 63-bit key to a run of pattern indices, behind a 64-kbit filter
/// that rejects almost every position of a message with one load.
struct PatternIndex: Sendable {
    private var keys: [UInt64] = [UInt64.max]
    private var ranges: [(start: Int32, count: Int32)] = [(0, 0)]
    private(set) var grouped: [Int32] = []
    private var filter = [UInt64](repeating: 0, count: 1024)

    init() {}

    init(_ byKey: [UInt64: [Int32]]) {
        var capacity = 16
        while capacity < byKey.count * 2 { capacity <<= 1 }
        keys = Array(repeating: UInt64.max, count: capacity)
        ranges = Array(repeating: (0, 0), count: capacity)
        for key in byKey.keys.sorted() {
            let members = byKey[key] ?? []
            var slot = Self.slot(key, capacity: capacity)
            while keys[slot] != UInt64.max { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            ranges[slot] = (Int32(grouped.count), Int32(members.count))
            grouped.append(contentsOf: members)
            let bit = Self.filterBit(key)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    /// Positions in `grouped` of the patterns filed under `key`, or nil.
    @inline(__always)
    func lookup(_ key: UInt64) -> Range<Int>? {
        let bit = Self.filterBit(key)
        guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        let capacity = keys.count
        var slot = Self.slot(key, capacity: capacity)
        while keys[slot] != key {
            if keys[slot] == UInt64.max { return nil }
            slot = (slot + 1) & (capacity - 1)
        }
        let range = ranges[slot]
        return Int(range.start)..<Int(range.start + range.count)
    }

    @inline(__always)
    private static func filterBit(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }

    @inline(__always)
    private static func slot(_ key: UInt64, capacity: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0xD6E8_FEB8_6659_FD93) >> 32) & (capacity - 1)
    }
}
