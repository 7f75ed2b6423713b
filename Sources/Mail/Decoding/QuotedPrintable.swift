#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Quoted-printable (RFC 2045 §6.7) decoding to bytes.
///
/// Decoding happens before any charset conversion, so a soft line break that splits a multi-byte UTF-8
/// character (`=E0=A4=\n=B9`) joins back into one valid sequence. Malformed escapes are kept literally,
/// which is what every tolerant mail reader does.
enum QuotedPrintable {
    static func decode(_ input: some Collection<UInt8>) -> [UInt8] {
        let bytes = Array(input)
        return bytes.withUnsafeBufferPointer { decode($0) }
    }

    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let base = input.baseAddress else { return [] }
        let n = input.count
        // Every input byte gives at most one output byte.
        return [UInt8](unsafeUninitializedCapacity: n) { out, written in
            let dst = out.baseAddress!
            var o = 0
            var i = 0
            while i < n {
                // Text up to the next "=" is copied as it is, in one go.
                let eq = memchr(base + i, Int32(ASCII.equals), n - i)
                    .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? n
                (dst + o).initialize(from: base + i, count: eq - i)
                o += eq - i
                i = eq
                guard i < n else { break }
                if i + 2 < n, let hi = ASCII.hexValue(input[i + 1]), let lo = ASCII.hexValue(input[i + 2]) {
                    dst[o] = hi << 4 | lo
                    o += 1
                    i += 3
                    continue
                }
                // A soft line break: "=" optionally followed by transport padding, then the line end.
                var j = i + 1
                while j < n, ASCII.isBlank(input[j]) { j += 1 }
                if j == n {
                    i = n
                } else if input[j] == ASCII.lf {
                    i = j + 1
                } else if input[j] == ASCII.cr {
                    i = (j + 1 < n && input[j + 1] == ASCII.lf) ? j + 2 : j + 1
                } else {
                    dst[o] = ASCII.equals
                    o += 1
                    i += 1
                }
            }
            written = o
        }
    }

    /// The Q encoding of RFC 2047 encoded words: quoted-printable where `_` stands for a space and there
    /// are no line breaks.
    static func decodeEncodedWordText(_ input: ArraySlice<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(input.count)
        var i = input.startIndex
        let end = input.endIndex
        while i < end {
            let b = input[i]
            if b == ASCII.underscore {
                out.append(ASCII.space)
                i += 1
            } else if b == ASCII.equals, i + 2 < end,
                      let hi = ASCII.hexValue(input[i + 1]), let lo = ASCII.hexValue(input[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }
}
