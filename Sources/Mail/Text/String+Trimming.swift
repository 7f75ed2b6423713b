/// The scalars left once Unicode whitespace (including no-break spaces) and line breaks are trimmed from
/// both ends.
private func whitespaceTrimmed<Scalars: BidirectionalCollection<Unicode.Scalar>>(_ scalars: Scalars) -> Range<Scalars.Index> {
    var lo = scalars.startIndex
    var hi = scalars.endIndex
    while lo < hi, scalars[lo].properties.isWhitespace { lo = scalars.index(after: lo) }
    while hi > lo, scalars[scalars.index(before: hi)].properties.isWhitespace { hi = scalars.index(before: hi) }
    return lo..<hi
}

extension Substring {
    /// Trims Unicode whitespace (including no-break spaces) and line breaks from both ends, copying once.
    func trimmingWhitespace() -> String {
        String(unicodeScalars[whitespaceTrimmed(unicodeScalars)])
    }
}

extension String {
    /// Trims Unicode whitespace (including no-break spaces) and line breaks from both ends.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        let kept = whitespaceTrimmed(scalars)
        if kept == scalars.startIndex..<scalars.endIndex { return self }
        return String(scalars[kept])
    }

    /// Header text may not contain line breaks or tabs once decoded; encoded words sometimes carry them.
    func replacingControlWhitespace() -> String {
        guard utf8.contains(where: { $0 == ASCII.cr || $0 == ASCII.lf || $0 == ASCII.tab }) else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for b in utf8 {
            if b == ASCII.cr || b == ASCII.lf { continue }
            bytes.append(b == ASCII.tab ? ASCII.space : b)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Trims the given scalars and whitespace from both ends.
    func trimming(scalarsIn set: String) -> String {
        let chars = Set(set.unicodeScalars)
        let scalars = unicodeScalars
        var lo = scalars.startIndex
        var hi = scalars.endIndex
        while lo < hi, chars.contains(scalars[lo]) || scalars[lo].properties.isWhitespace { lo = scalars.index(after: lo) }
        while hi > lo {
            let prev = scalars.index(before: hi)
            if chars.contains(scalars[prev]) || scalars[prev].properties.isWhitespace { hi = prev } else { break }
        }
        return String(scalars[lo..<hi])
    }
}
