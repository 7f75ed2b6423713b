/// Tolerant base64 decoding for MIME bodies and B-encoded words.
///
/// Mail in the wild wraps lines anywhere, drops or doubles padding and concatenates separately padded
/// chunks. Characters outside the alphabet are skipped, `=` ends the current quantum (so concatenated
/// chunks stay aligned), and a trailing partial quantum yields the bytes it fully determines.
enum Base64Decoding {
    /// 0...63 for alphabet characters, `padding` for `=`, `invalid` for everything else.
    private static let table: [UInt8] = {
        var t = [UInt8](repeating: invalid, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        t[Int(ASCII.equals)] = padding
        return t
    }()
    private static let invalid: UInt8 = 0xFF
    private static let padding: UInt8 = 0xFE

    static func decode(_ input: some Collection<UInt8>) -> [UInt8] {
        let bytes = Array(input)
        return bytes.withUnsafeBufferPointer { decode($0) }
    }

    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(input.count / 4 * 3 + 3)
        run(input) { out.append($0) }
        return out
    }

    /// The decoded length without building the bytes: attachments only need their size.
    static func decodedCount(_ input: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        run(input) { _ in count += 1 }
        return count
    }

    @inline(__always)
    private static func run(_ input: UnsafeBufferPointer<UInt8>, _ emit: (UInt8) -> Void) {
        table.withUnsafeBufferPointer { table in
            var acc: UInt32 = 0
            var n = 0
            for c in input {
                let v = table[Int(c)]
                if v < 64 {
                    acc = acc << 6 | UInt32(v)
                    n += 1
                    if n == 4 {
                        emit(UInt8(truncatingIfNeeded: acc >> 16))
                        emit(UInt8(truncatingIfNeeded: acc >> 8))
                        emit(UInt8(truncatingIfNeeded: acc))
                        acc = 0
                        n = 0
                    }
                } else if v == padding, n > 0 {
                    flush(acc, n, emit)
                    acc = 0
                    n = 0
                }
            }
            flush(acc, n, emit)
        }
    }

    @inline(__always)
    private static func flush(_ acc: UInt32, _ n: Int, _ emit: (UInt8) -> Void) {
        switch n {
        case 2:
            emit(UInt8(truncatingIfNeeded: acc >> 4))
        case 3:
            emit(UInt8(truncatingIfNeeded: acc >> 10))
            emit(UInt8(truncatingIfNeeded: acc >> 2))
        default:
            break
        }
    }
}
