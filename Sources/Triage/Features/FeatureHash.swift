/// FNV-1a over Unicode scalars, finished by a multiply with the golden ratio and a rotation that brings
/// the well-mixed high bits of the product down to where the bucket mask reads them (two instructions
/// where MurmurHash3's finaliser takes seven; the hash runs ~450 times per message).
enum FeatureHash {
    static let basis: UInt32 = 2_166_136_261
    static let prime: UInt32 = 16_777_619
    static let wordSeed: UInt32 = 0x9E37_79B9
    static let bigramSeed: UInt32 = 0x85EB_CA6B
    static let conceptSeed: UInt32 = 0xC2B2_AE35
    static let conceptChannelSeed: UInt32 = 0x27D4_EB2F
    static let negatedSeed: UInt32 = 0x1656_67B1
    static let signalSeed: UInt32 = 0xD3A2_646C
    static let conditionalSeed: UInt32 = 0xFD70_46C5
    static let beginMarker: UInt32 = 0x0001_0001
    static let endMarker: UInt32 = 0x0001_0002

    @inline(__always)
    static func step(_ h: UInt32, _ v: UInt32) -> UInt32 {
        (h ^ v) &* prime
    }

    @inline(__always)
    static func finish(_ h: UInt32) -> UInt32 {
        let product = h &* 0x9E37_79B1
        return product >> 14 | product << 18
    }

    @inline(__always)
    static func signal(_ seed: UInt32, _ value: UInt32) -> UInt32 {
        finish(step(step(basis ^ seed, value), seed >> 7))
    }
}
