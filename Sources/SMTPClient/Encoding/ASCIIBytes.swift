/// Byte classes used by the encoders, so that none of them goes through `Character` for ASCII tests.
enum ASCIIBytes {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let dot = UInt8(ascii: ".")
    static let crlf: [UInt8] = [cr, lf]

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// RFC 5322 `atext`: what a display name may contain without quoting.
    static func isAtext(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
