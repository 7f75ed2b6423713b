#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A thin, total wrapper around iconv(3) that converts to UTF-8 and replaces what it cannot convert.
enum IconvConverter {
    /// `nil` when iconv does not know the charset; otherwise the text, with U+FFFD for every byte that is
    /// invalid in the source charset (and one for a truncated sequence at the end).
    static func convert(_ input: UnsafeBufferPointer<UInt8>, from charset: String) -> String? {
        let cd = iconv_open("UTF-8", charset)
        guard let cd, cd != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        guard let base = input.baseAddress, !input.isEmpty else { return "" }

        var out = [UInt8](repeating: 0, count: input.count * 3 + 16)
        var written = 0
        var inPtr = UnsafeMutablePointer<CChar>(OpaquePointer(UnsafeMutablePointer(mutating: base)))
        var inLeft = input.count
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

        while inLeft > 0 {
            let (result, err, produced) = out.withUnsafeMutableBufferPointer { buf -> (Int, Int32, Int) in
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer<CChar>(
                    OpaquePointer(buf.baseAddress! + written))
                var outLeft = buf.count - written
                var inOpt: UnsafeMutablePointer<CChar>? = inPtr
                let r = iconv(cd, &inOpt, &inLeft, &outPtr, &outLeft)
                let e = r == -1 ? errno : 0
                inPtr = inOpt!
                return (r, e, buf.count - written - outLeft)
            }
            written += produced
            if result != -1 { break }
            switch err {
            case E2BIG:
                out.append(contentsOf: repeatElement(0, count: max(64, inLeft * 3)))
            case EILSEQ:
                ensure(&out, written + 3)
                out.replaceSubrange(written..<written + 3, with: replacement)
                written += 3
                inPtr += 1
                inLeft -= 1
            case EINVAL:
                ensure(&out, written + 3)
                out.replaceSubrange(written..<written + 3, with: replacement)
                written += 3
                inLeft = 0
            default:
                inLeft = 0
            }
        }
        // Flush any shift state (ISO-2022, stateful decoders holding a base character).
        out.withUnsafeMutableBufferPointer { buf in
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer<CChar>(
                OpaquePointer(buf.baseAddress! + written))
            var outLeft = buf.count - written
            if iconv(cd, nil, nil, &outPtr, &outLeft) != -1 {
                written = buf.count - outLeft
            }
        }
        return String(decoding: out[0..<written], as: UTF8.self)
    }

    private static func ensure(_ out: inout [UInt8], _ count: Int) {
        if out.count < count + 16 { out.append(contentsOf: repeatElement(0, count: count + 64 - out.count)) }
    }
}
