/// Finds concept words and phrases in normalised text, in every supported language at once.
///
/// Patterns are scalar sequences where a space stands for a word boundary, matched against
/// `NormalizedText.scalars` (which has a space around every token). They are indexed by their first
/// three scalars (packed exactly into 63 bits) in an open-addressing table behind a bit filter, so a
/// message costs one multiply and one load per scalar, and a table probe only where a pattern can start.
public struct ConceptLexicon: Sendable {
    /// Patterns of up to five scalars are found by their exact first three scalars; longer ones by a hash
    /// of their first six, which keeps candidate lists short even where hundreds of Arabic entries share
    /// " ال".
    static let longPrefix = 6

    private var scalars: [UInt32] = []
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var concepts: [Concept] = []
    private var ordinals: [UInt32] = []
    private var short = PatternIndex()
    private var long = PatternIndex()

    /// The lexicon the shipped model was trained with.
    public static let builtIn = ConceptLexicon(entries: builtInEntries)

    /// Number of compiled patterns, including the Arabic proclitic variants.
    public var patternCount: Int { starts.count }

    public init(entries: [(Concept, [String])], normalizer: TextNormalizer = TextNormalizer()) {
        var seen = Set<[UInt32]>()
        var shortKeys: [UInt64: [Int32]] = [:]
        var longKeys: [UInt64: [Int32]] = [:]
        for (concept, words) in entries {
            let ordinal = concept.ordinal
            for entry in words {
                for pattern in Self.compile(entry, normalizer: normalizer) where pattern.count >= 3 {
                    guard seen.insert(pattern + [ordinal]).inserted else { continue }
                    let index = Int32(starts.count)
                    starts.append(Int32(scalars.count))
                    lengths.append(Int32(pattern.count))
                    scalars.append(contentsOf: pattern)
                    concepts.append(concept)
                    ordinals.append(ordinal)
                    if pattern.count >= Self.longPrefix {
                        longKeys[Self.longKey(pattern, at: 0), default: []].append(index)
                    } else {
                        shortKeys[Self.shortKey(pattern[0], pattern[1], pattern[2]), default: []].append(index)
                    }
                }
            }
        }
        short = PatternIndex(shortKeys)
        long = PatternIndex(longKeys)
    }

    public func matches(in text: NormalizedText) -> [ConceptMatch] {
        let n = text.scalars.count
        guard n >= 3 else { return [] }
        var result: [ConceptMatch] = []
        text.scalars.withUnsafeBufferPointer { s in
            scalars.withUnsafeBufferPointer { all in
                var key = UInt64(s[0]) << 21 | UInt64(s[1])
                for p in 0..<(n - 2) {
                    key = (key << 21 | UInt64(s[p + 2])) & 0x7FFF_FFFF_FFFF_FFFF
                    if let range = short.lookup(key) {
                        collect(range, of: short, at: p, from: 3, text: s, patterns: all, into: &result)
                    }
                    if p + Self.longPrefix <= n, let range = long.lookup(Self.longKey(s, at: p)) {
                        collect(range, of: long, at: p, from: 0, text: s, patterns: all, into: &result)
                    }
                }
            }
        }
        return result
    }

    @inline(__always)
    private func collect(
        _ range: Range<Int>,
        of index: PatternIndex,
        at p: Int,
        from first: Int,
        text s: UnsafeBufferPointer<UInt32>,
        patterns all: UnsafeBufferPointer<UInt32>,
        into result: inout [ConceptMatch]
    ) {
        let n = s.count
        for g in range {
            let pattern = Int(index.grouped[g])
            let start = Int(starts[pattern])
            let length = Int(lengths[pattern])
            guard p + length <= n else { continue }
            var k = first
            while k < length, s[p + k] == all[start + k] { k += 1 }
            guard k == length else { continue }
            let concept = concepts[pattern]
            if let last = result.last(where: { $0.concept == concept }), last.end > p { continue }
            result.append(ConceptMatch(concept: concept, start: p, end: p + length, ordinal: ordinals[pattern]))
        }
    }

    @inline(__always)
    private static func shortKey(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 {
        UInt64(a) << 42 | UInt64(b) << 21 | UInt64(c)
    }

    @inline(__always)
    private static func longKey<C: RandomAccessCollection<UInt32>>(_ s: C, at p: C.Index) -> UInt64 where C.Index == Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for k in p..<(p + longPrefix) {
            h = (h ^ UInt64(s[k])) &* 0x0000_0100_0000_01B3
        }
        return h & 0x7FFF_FFFF_FFFF_FFFF
    }

    /// Turns one entry into its scalar patterns (several for Arabic, whose words carry proclitics).
    static func compile(_ entry: String, normalizer: TextNormalizer) -> [[UInt32]] {
        var text = Substring(entry)
        var startBoundary = true
        var endBoundary = true
        if text.hasPrefix("*") {
            startBoundary = false
            text = text.dropFirst()
        }
        if text.hasSuffix("*") {
            endBoundary = false
            text = text.dropLast()
        }
        var core = normalizer.normalize(String(text)).scalars
        while core.first == 0x20 { core.removeFirst() }
        while core.last == 0x20 { core.removeLast() }
        guard !core.isEmpty else { return [] }

        let isThai = core.contains { $0 >= 0xE00 && $0 <= 0xE7F }
        let isArabic = core.contains { $0 >= 0x600 && $0 <= 0x6FF }
        if isThai {
            return [core]
        }
        if isArabic, core.count >= 4 {
            endBoundary = false
        }
        let end: [UInt32] = endBoundary ? [0x20] : []
        guard startBoundary else { return [core + end] }
        var result = [[0x20] + core + end]
        if isArabic, core.count >= 3 {
            let alefLam: [UInt32] = [0x627, 0x644]
            let startsWithArticle = core.starts(with: alefLam)
            let proclitics: [[UInt32]] = startsWithArticle
                ? [[0x648], [0x641], [0x628], [0x643], [0x648, 0x628], [0x641, 0x628], [0x648, 0x643]]
                : [[0x648], [0x641], [0x628], [0x644], [0x643], [0x627, 0x644], [0x648, 0x627, 0x644],
                   [0x628, 0x627, 0x644], [0x641, 0x627, 0x644], [0x644, 0x644], [0x643, 0x627, 0x644],
                   [0x648, 0x628], [0x648, 0x644], [0x648, 0x641], [0x648, 0x643], [0x648, 0x628, 0x627, 0x644],
                   [0x641, 0x628, 0x627, 0x644], [0x648, 0x643, 0x627, 0x644], [0x648, 0x644, 0x644], [0x641, 0x644, 0x644]]
            for prefix in proclitics {
                result.append([0x20] + prefix + core + end)
            }
            if startsWithArticle {
                // ل + ال is written لل: "للفاتوره", also after و and ف.
                for prefix: [UInt32] in [[], [0x648], [0x641]] {
                    result.append([0x20] + prefix + [0x644, 0x644] + core.dropFirst(2) + end)
                }
            }
        }
        return result
    }
}
