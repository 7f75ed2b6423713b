import Foundation

/// Decides the language tag: the script settles the easy cases, the language head the rest.
///
/// Thai script is `th` and Devanagari `hi`. Arabic script is `ur` when it has Urdu-only letters and no
/// Arabic-only ones, `ar` in the opposite case, and otherwise whichever of the two the model prefers.
/// Latin script goes to the model, restricted to the Latin-script classes, with Vietnamese's own letters
/// as a shortcut. Other scripts map to their usual language (Hangul `ko`, …); Cyrillic and text with
/// fewer than two letters are `und`, as is Latin text the model is unsure about.
struct LanguageIdentifier: Sendable {
    static let defaultLanguages = ["en", "ar", "ar-Latn", "hi", "hi-Latn", "ur", "ur-Latn", "id", "ms", "tl", "th", "vi"]
    static let undetermined = "und"

    let languages: [String]
    /// Below this probability (among the allowed classes) Latin-script text is `und`.
    let minimumProbability: Float
    private let latinIndices: [Int]
    private let arabicScriptIndices: [Int]

    init(languages: [String], minimumProbability: Float = 0.3) {
        self.languages = languages
        self.minimumProbability = minimumProbability
        let latinTags: Set<String> = ["en", "id", "ms", "tl", "vi"]
        latinIndices = languages.indices.filter { $0 < 16 && (languages[$0].hasSuffix("-Latn") || latinTags.contains(languages[$0])) }
        arabicScriptIndices = languages.indices.filter { $0 < 16 && (languages[$0] == "ar" || languages[$0] == "ur") }
    }

    /// `logits` is only evaluated when the script leaves the choice open, which spares the language
    /// head's table lookups for most non-Latin text.
    func identify(_ profile: ScriptProfile, logits: () -> SIMD16<Float>) -> String {
        guard profile.totalLetters >= 2, let script = profile.dominant else { return Self.undetermined }
        switch script {
        case .thai:
            return "th"
        case .devanagari:
            return "hi"
        case .arabic:
            if profile.urduLetters > 0, profile.arabicLetters == 0 { return "ur" }
            if profile.arabicLetters > 0, profile.urduLetters == 0 { return "ar" }
            return best(among: arabicScriptIndices, logits: logits())?.tag ?? "ar"
        case .latin:
            // Letters like ơ ư đ ặ ị occur in no other supported Latin-script language; a few of them in
            // a signature ("Nguyễn") must not outweigh a long English email, hence the ratio.
            if profile.vietnameseLetters > 0, profile.vietnameseLetters * 40 >= profile.count(.latin) {
                return "vi"
            }
            guard let choice = best(among: latinIndices, logits: logits()), choice.probability >= minimumProbability else {
                return Self.undetermined
            }
            return choice.tag
        default:
            return script.impliedLanguage ?? Self.undetermined
        }
    }

    /// The most probable of `candidates` under a softmax restricted to them.
    private func best(among candidates: [Int], logits: SIMD16<Float>) -> (tag: String, probability: Float)? {
        guard var top = candidates.first else { return nil }
        for index in candidates where logits[index] > logits[top] { top = index }
        var total: Float = 0
        for index in candidates { total += exp(logits[index] - logits[top]) }
        return (languages[top], 1 / total)
    }
}
