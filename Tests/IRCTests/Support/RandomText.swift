/// Building blocks for property tests: text in the scripts customers write, including combining marks
/// that merge with whatever precedes them, and the bytes that attack an IRC line.
enum RandomText {
    static let arabic = Array("مرحبا، أين طلبي؟ السَّلَامُ عَلَيْكُمْ ١٢٣ لا إله")
    static let thai = Array("สวัสดีครับ ขอบคุณค่ะ น้ำ กำลังไป")
    static let devanagari = Array("नमस्ते क्षत्रिय हिन्दी मदद चाहिए")
    static let emoji: [Character] = ["👨‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "🇮🇩", "🏴󠁧󠁢󠁥󠁮󠁧󠁿", "❤️", "🧑🏾‍💻", "😀"]
    static let latin = Array("Hello, where is my order? café naïve Xin chào Việt")
    /// Marks that attach to the previous character: acute, shadda, Thai tone mark, virama, ZWJ, ZWNJ.
    static let combining: [Character] = ["\u{301}", "\u{651}", "\u{E49}", "\u{94D}", "\u{200D}", "\u{200C}"]
    static let punctuation = Array(":;\\=@!,.#&*?+-/%$'\"()[]{}|^~")
    static let attack: [Character] = ["\r", "\n", "\r\n", "\0", "\u{01}", "\u{02}", "\u{03}", "\u{0F}",
                                      "\u{1D}", "\u{7F}", "\u{85}", "\u{202E}", "\u{2066}", "\u{2028}", "\t"]

    static let readable = arabic + thai + devanagari + emoji + latin + combining + punctuation

    static func text<G: RandomNumberGenerator>(
        from pool: [Character], length: ClosedRange<Int>, using generator: inout G
    ) -> String {
        let count = Int.random(in: length, using: &generator)
        var text = ""
        for _ in 0..<count {
            text.append(pool.randomElement(using: &generator)!)
        }
        return text
    }

    /// Text without spaces, not starting with `:`, not empty: valid as a middle parameter.
    static func middle<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let pool = readable.filter { !$0.isWhitespace }
        while true {
            let candidate = text(from: pool, length: 1...12, using: &generator)
            if !candidate.utf8.contains(0x20), candidate.utf8.first != UInt8(ascii: ":") {
                return candidate
            }
        }
    }
}
