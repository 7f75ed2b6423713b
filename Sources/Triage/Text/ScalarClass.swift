/// Per-scalar classification flags for the Basic Multilingual Plane, computed once from the range
/// functions in `TextNormalizer+Tables.swift` so that normalising a scalar costs one table load instead
/// of a cascade of range checks.
struct ScalarClass: Sendable {
    static let scriptMask: UInt16 = 0x1F
    static let word: UInt16 = 0x20
    static let letter: UInt16 = 0x40
    static let ignorable: UInt16 = 0x80
    static let emoji: UInt16 = 0x100
    static let currency: UInt16 = 0x200
    static let unstable: UInt16 = 0x400
    static let fold: UInt16 = 0x800
    static let digitFold: UInt16 = 0x1000
    static let apostrophe: UInt16 = 0x2000
    static let mark: UInt16 = 0x4000
    static let cased: UInt16 = 0x8000

    static let table: [UInt16] = (0..<0x10000).map { compute(UInt32($0)) }

    /// Flags of any scalar; the table for the BMP, the range functions above it.
    @inline(__always)
    static func of(_ v: UInt32, table: UnsafeBufferPointer<UInt16>) -> UInt16 {
        v < 0x10000 ? table[Int(v)] : compute(v)
    }

    static func compute(_ v: UInt32) -> UInt16 {
        var flags: UInt16 = 0
        if TextNormalizer.isIgnorable(v) { flags |= ignorable }
        if v >= 0x80, !TextNormalizer.isCompatibilityStable(v) { flags |= unstable }
        if TextNormalizer.foldDigit(v) != v { flags |= digitFold }
        switch v {
        case 0x27, 0x2019, 0x2018, 0x2BC, 0x60: flags |= apostrophe
        case 0x21, 0x3F, 0x61F, 0x203C, 0x2049: flags |= mark
        default: break
        }
        let folded = TextNormalizer.foldDigit(v)
        if TextNormalizer.isWordScalar(folded) {
            flags |= word
            if TextNormalizer.isLetter(folded), !(folded >= 0x30 && folded <= 0x39) {
                flags |= letter
                flags |= UInt16(v < 0x80 ? Script.latin.rawValue : Script.of(v).rawValue)
            }
        }
        if TextNormalizer.isEmoji(v) { flags |= emoji }
        if TextNormalizer.isCurrency(v) { flags |= currency }
        if v >= 0x80, flags & letter != 0 {
            var upper = 0
            var casedCount = 0
            if TextNormalizer.foldLetter(v, upper: &upper, cased: &casedCount) != v || upper > 0 { flags |= fold }
            if casedCount > 0 { flags |= cased }
        }
        return flags
    }
}
