/// The hashed features of one message, in groups that are length-normalised separately so that a long
/// email and a two-word WhatsApp reply land on the same scale.
///
/// Character n-grams are split by length: the language head reads only the short ones (they carry the
/// orthography), the category head reads both.
struct FeatureSet: Sendable {
    /// Character n-grams up to `FeatureSettings.languageMaxCharN`.
    var chars: [UInt32] = []
    /// Longer character n-grams, up to `FeatureSettings.maxCharN`.
    var longChars: [UInt32] = []
    var words: [UInt32] = []
    var concepts: [UInt32] = []
    /// Value of one character n-gram for the category head (both n-gram groups together).
    var charValue: Float = 0
    /// Value of one short character n-gram for the language head.
    var languageCharValue: Float = 0
    var wordValue: Float = 0
    var conceptValue: Float = 0

    mutating func finish(settings: FeatureSettings) {
        let allChars = chars.count + longChars.count
        charValue = allChars == 0 ? 0 : settings.charWeight / Float(allChars).squareRoot()
        languageCharValue = chars.isEmpty ? 0 : settings.charWeight / Float(chars.count).squareRoot()
        wordValue = words.isEmpty ? 0 : settings.wordWeight / Float(words.count).squareRoot()
        conceptValue = concepts.isEmpty ? 0 : settings.conceptWeight / Float(concepts.count).squareRoot()
    }
}
