/// Writing systems that matter for language identification. Only letters are counted.
public enum Script: Int, Sendable, Hashable, CaseIterable {
    case latin
    case arabic
    case devanagari
    case thai
    case cyrillic
    case greek
    case hebrew
    case hangul
    case kana
    case han
    case bengali
    case gurmukhi
    case gujarati
    case tamil
    case telugu
    case kannada
    case malayalam
    case sinhala
    case khmer
    case lao
    case myanmar
    case georgian
    case armenian
    case ethiopic
    case other

    /// The script of a letter scalar, or nil for scalars that are not letters of a known block.
    @inline(__always)
    static func of(_ v: UInt32) -> Script {
        switch v {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF, 0xFF21...0xFF5A: return .latin
        case 0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .arabic
        case 0x900...0x97F: return .devanagari
        case 0xE00...0xE7F: return .thai
        case 0x400...0x52F: return .cyrillic
        case 0x370...0x3FF: return .greek
        case 0x590...0x5FF: return .hebrew
        case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: return .hangul
        case 0x3040...0x30FF: return .kana
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: return .han
        case 0x980...0x9FF: return .bengali
        case 0xA00...0xA7F: return .gurmukhi
        case 0xA80...0xAFF: return .gujarati
        case 0xB80...0xBFF: return .tamil
        case 0xC00...0xC7F: return .telugu
        case 0xC80...0xCFF: return .kannada
        case 0xD00...0xD7F: return .malayalam
        case 0xD80...0xDFF: return .sinhala
        case 0x1780...0x17FF: return .khmer
        case 0xE80...0xEFF: return .lao
        case 0x1000...0x109F: return .myanmar
        case 0x10A0...0x10FF: return .georgian
        case 0x530...0x58F: return .armenian
        case 0x1200...0x139F: return .ethiopic
        default: return .other
        }
    }

    /// The language a script implies on its own when it is not one the model distinguishes.
    var impliedLanguage: String? {
        switch self {
        case .greek: "el"
        case .hebrew: "he"
        case .hangul: "ko"
        case .kana: "ja"
        case .han: "zh"
        case .bengali: "bn"
        case .gurmukhi: "pa"
        case .gujarati: "gu"
        case .tamil: "ta"
        case .telugu: "te"
        case .kannada: "kn"
        case .malayalam: "ml"
        case .sinhala: "si"
        case .khmer: "km"
        case .lao: "lo"
        case .myanmar: "my"
        case .georgian: "ka"
        case .armenian: "hy"
        case .ethiopic: "am"
        case .thai: "th"
        case .devanagari: "hi"
        case .latin, .arabic, .cyrillic, .other: nil
        }
    }
}
