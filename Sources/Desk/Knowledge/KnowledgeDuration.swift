/// "When?" questions and the sentences that answer them.
///
/// The commonest support question is about time — when the refund arrives, how long a reset link
/// lasts — and the sentence that answers it is the one with a duration in it ("5–7 working days"),
/// even when it shares fewer words with the question than a neighbouring paragraph. Both sides are
/// recognised with short lists in the languages customers write, matched on folded words.
enum KnowledgeDuration {
    /// Question words and phrases that ask for a time or a duration.
    static let askers: [[String]] = [
        ["how", "long"], ["how", "many", "days"], ["how", "many", "hours"], ["how", "soon"], ["when"],
        ["متي"], ["امتي"], ["كم", "يوم"], ["كم", "ساعه"], ["كم", "يستغرق"], ["emta"], ["ewta"], ["imta"],
        ["kab"], ["kitne", "din"], ["kitna", "time"], ["kitni", "der"],
        ["berapa", "lama"], ["kapan"], ["bila"], ["berapa", "hari"],
        ["gaano", "katagal"], ["kailan"], ["ilang", "araw"],
        ["เมื่อไหร่"], ["กี่วัน"], ["bao", "lau"], ["khi", "nao"],
    ]

    /// Words for units of time that follow a number in a duration.
    static let units: Set<String> = [
        "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
        "ثانيه", "دقيقه", "دقائق", "ساعه", "ساعات", "يوم", "ايام", "اسبوع", "شهر",
        "minit", "jam", "hari", "minggu", "bulan", "din", "ghante", "ghanta", "minute", "hafte",
        "araw", "oras", "linggo", "buwan", "phut", "gio", "ngay",
    ]

    /// Whether the question asks when something happens or how long it takes.
    static func isAsked(in words: [String]) -> Bool {
        askers.contains { phrase in
            guard let first = phrase.first else { return false }
            return words.indices.contains { start in
                words[start] == first && phrase.indices.allSatisfy { start + $0 < words.count && words[start + $0] == phrase[$0] }
            }
        }
    }

    /// Whether a text states a duration: a number followed (within two words) by a unit of time. Thai
    /// writes `7 วัน` with the unit glued to what follows, so a Thai word starting with a unit counts.
    static func isStated(in text: String) -> Bool {
        let words = KnowledgeText.words(text)
        for (index, word) in words.enumerated() where word.first?.isNumber == true {
            for next in words.dropFirst(index + 1).prefix(2) {
                if units.contains(next) || next.hasPrefix("วัน") || next.hasPrefix("ชั่วโมง") || next.hasPrefix("นาที") { return true }
            }
        }
        return false
    }
}
