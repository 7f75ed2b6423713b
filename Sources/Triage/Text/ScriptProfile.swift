/// Letter counts per script, plus the few letters that separate languages sharing a script.
///
/// Gathered while normalising, before Arabic letters are folded together, so that Urdu's ٹ ڈ ڑ ں ے ہ
/// and Arabic's ة ى survive long enough to be counted.
public struct ScriptProfile: Sendable, Hashable {
    var counts = SIMD32<Int32>()

    /// Letters used in Urdu but not in Arabic (ٹ ڈ ڑ ں ے ہ ھ ک گ ی ۓ ۂ).
    public internal(set) var urduLetters = 0
    /// Letters used in Arabic but not in Urdu (ة ى ك ي and final ه).
    public internal(set) var arabicLetters = 0
    /// Letters that only Vietnamese uses among the supported languages (ơ ư đ ă and stacked tone marks).
    public internal(set) var vietnameseLetters = 0

    public init() {}

    public func count(_ script: Script) -> Int { Int(counts[script.rawValue]) }

    public var totalLetters: Int { Int(counts.wrappedSum()) }

    /// The script with the most letters, or nil for text without letters.
    public var dominant: Script? {
        var best = -1
        var bestCount: Int32 = 0
        for index in 0..<Script.other.rawValue + 1 where counts[index] > bestCount {
            best = index
            bestCount = counts[index]
        }
        return best >= 0 ? Script(rawValue: best) : nil
    }

    /// Counts one non-ASCII letter of the given script (a `Script` raw value).
    @inline(__always)
    mutating func add(letter v: UInt32, script: Int) {
        counts[script] &+= 1
        guard v >= 0x100, v < 0x1F00 else { return }
        switch v {
        case 0x679, 0x688, 0x691, 0x6BA, 0x6D2, 0x6C1, 0x6BE, 0x6A9, 0x6AF, 0x6CC, 0x6D3, 0x6C2:
            urduLetters += 1
        case 0x629, 0x649, 0x643, 0x64A:
            arabicLetters += 1
        case 0x103, 0x111, 0x1A1, 0x1B0, 0x102, 0x110, 0x1A0, 0x1AF, 0x1EA0...0x1EF9:
            vietnameseLetters += 1
        default:
            break
        }
    }
}
