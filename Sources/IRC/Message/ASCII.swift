/// Byte constants and tests shared by the byte-level parsers. Every delimiter in IRC is ASCII, so cutting a
/// UTF-8 buffer at one of these bytes never splits a multi-byte sequence.
enum ASCII {
    static let nul: UInt8 = 0x00
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let equals: UInt8 = 0x3D
    static let at: UInt8 = 0x40
    static let backslash: UInt8 = 0x5C
    static let bang: UInt8 = 0x21
    static let comma: UInt8 = 0x2C
    static let bel: UInt8 = 0x07

    static func isLineBreakOrNUL(_ byte: UInt8) -> Bool {
        byte == cr || byte == lf || byte == nul
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte)
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// Upper-cases ASCII letters only: `String.uppercased()` would turn `ß` into `SS` and depends on
    /// Unicode tables, neither of which belongs in a protocol verb.
    static func uppercased(_ text: some StringProtocol) -> String {
        String(decoding: text.utf8.map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }, as: UTF8.self)
    }
}
