import Foundation

/// How article text and customer questions are turned into comparable words, identically on both sides.
///
/// Folding: compatibility decomposition (full-width forms, Arabic presentation forms, ligatures), then
/// lower case, Latin diacritics dropped (`hóa đơn` → `hoa don`), Arabic harakat and tatweel dropped, alef
/// forms, alef maksura, ta marbuta, hamza seats and Urdu/Persian yeh and keheh unified, Eastern Arabic
/// digits made ASCII. Devanagari and Thai signs are kept: they are letters of the word there.
///
/// Words are runs of letters, marks and digits, so Arabizi keeps its digits (`5asamet`, `3ayez`) and
/// hyphenated Tagalog splits (`na-charge` → `na`, `charge`). Thai has no spaces, so a Thai run is one
/// word; the index matches it by character trigrams instead.
public enum KnowledgeText {
    public static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x0300...0x036F, 0x064B...0x065F, 0x0670, 0x0640, 0x06D6...0x06ED, 0x200B...0x200F, 0xFEFF:
                continue
            case 0x0622, 0x0623, 0x0625, 0x0671: scalars.append("\u{0627}")
            case 0x0649, 0x06CC, 0x0626, 0x06D2: scalars.append("\u{064A}")
            case 0x0629: scalars.append("\u{0647}")
            case 0x0624: scalars.append("\u{0648}")
            case 0x06A9: scalars.append("\u{0643}")
            case 0x0660...0x0669: scalars.append(Unicode.Scalar(value - 0x0660 + 0x30)!)
            case 0x06F0...0x06F9: scalars.append(Unicode.Scalar(value - 0x06F0 + 0x30)!)
            case 0x0111: scalars.append("d")
            case 0x0131: scalars.append("i")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Folded words, in order, repeats kept.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in fold(text).unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// The words of a question that carry its meaning: no stopwords, no single letters, no repeats.
    public static func searchTerms(_ text: String) -> [String] {
        var seen = Set<String>()
        return words(text).filter { word in
            word.unicodeScalars.count > 1 && !KnowledgeStopwords.all.contains(word) && seen.insert(word).inserted
        }
    }

    /// A rough stem for matching inflected English words against each other (`charged`, `charges` →
    /// `charg`); other words come back unchanged. The index itself uses SQLite's Porter stemmer.
    public static func stem(_ word: String) -> String {
        guard word.count > 4, word.allSatisfy({ $0.isASCII && $0.isLetter }) else { return word }
        var stem = Substring(word)
        for suffix in ["ies", "ing", "ed", "es", "s", "e", "y"] where stem.count - suffix.count >= 4 && stem.hasSuffix(suffix) {
            stem = stem.dropLast(suffix.count)
            break
        }
        return String(stem)
    }

    /// Markdown as the text a reader sees: no emphasis marks, link targets, code ticks, table pipes or
    /// heading and list markers. Lines are kept.
    public static func plain(_ markdown: String) -> String {
        markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var text = line.drop { $0 == " " || $0 == "\t" }
            while text.first == "#" { text = text.dropFirst() }
            if text.hasPrefix("- ") || text.hasPrefix("* ") || text.hasPrefix("+ ") { text = text.dropFirst(2) }
            if text.hasPrefix("|") {
                let cells = text.split(separator: "|").map { inline(String($0)).trimmingWhitespace() }
                if cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { return "" }
                return cells.filter { !$0.isEmpty }.joined(separator: " · ")
            }
            return inline(String(text)).trimmingWhitespace()
        }.joined(separator: "\n")
    }

    /// `[text](url)` → text, and `**`, `__`, `` ` `` removed.
    static func inline(_ text: String) -> String {
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "[", let close = text[index...].firstIndex(of: "]"),
               text.index(after: close) < text.endIndex, text[text.index(after: close)] == "(",
               let end = text[close...].firstIndex(of: ")") {
                output += text[text.index(after: index)..<close]
                index = text.index(after: end)
                continue
            }
            if character == "`" || ((character == "*" || character == "_") && text[text.index(after: index)...].first == character) {
                index = text.index(after: index)
                if character != "`" { index = text.index(after: index) }
                continue
            }
            output.append(character)
            index = text.index(after: index)
        }
        return output
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
