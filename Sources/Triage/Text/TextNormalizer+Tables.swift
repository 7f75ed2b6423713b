/// Character classes for `TextNormalizer`, written as ranges so that the common scripts never reach
/// Unicode property lookups.
extension TextNormalizer {
    /// True when NFKC leaves the scalar unchanged and nothing can compose with it, so the Foundation
    /// round trip can be skipped. Conservative: anything not listed goes through NFKC.
    @inline(__always)
    static func isCompatibilityStable(_ v: UInt32) -> Bool {
        switch v {
        case 0xA1...0xA7, 0xA9, 0xAB...0xAE, 0xB0, 0xB1, 0xB6, 0xB7, 0xBB, 0xBF...0x131, 0x134...0x13E,
             0x141...0x148, 0x14A...0x17E, 0x180...0x1C3, 0x1CD...0x1F0, 0x1F4...0x24F:
            return true
        case 0x600...0x674, 0x679...0x6FF:
            return true
        case 0x900...0x97F:
            return true
        case 0xE01...0xE5B:
            return true
        case 0x1E00...0x1E99, 0x1EA0...0x1EFF:
            return true
        case 0x200B...0x200F, 0x2010...0x2023, 0x2027...0x202E, 0x2030...0x2032, 0x2039, 0x203A, 0x20A0...0x20CF:
            return true
        case 0x2190...0x21FF, 0x2300...0x23FF, 0x25A0...0x27BF, 0x2B00...0x2BFF:
            return true
        case 0xFE0E, 0xFE0F, 0xFEFF, 0x1F1E6...0x1F1FF, 0x1F300...0x1FAFF:
            return true
        default:
            return false
        }
    }

    /// Scalars that carry no meaning for triage and must not split a word: direction and format marks,
    /// variation selectors, skin-tone modifiers, tatweel, Arabic diacritics and the Devanagari nukta.
    @inline(__always)
    static func isIgnorable(_ v: UInt32) -> Bool {
        switch v {
        case 0xAD, 0x34F, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFEFF, 0xFE00...0xFE0F,
             0x1F3FB...0x1F3FF, 0x640, 0x64B...0x65F, 0x670, 0x6D6...0x6DC, 0x6DF...0x6E8, 0x6EA...0x6ED,
             0x93C, 0xE0000...0xE007F, 0x180B...0x180F:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func foldDigit(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x660...0x669: v - 0x660 + 0x30
        case 0x6F0...0x6F9: v - 0x6F0 + 0x30
        case 0x966...0x96F: v - 0x966 + 0x30
        case 0xE50...0xE59: v - 0xE50 + 0x30
        default: v
        }
    }

    /// Letters, combining marks and decimal digits: what words are made of.
    @inline(__always)
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        switch v {
        case 0xD7, 0xF7: return false
        case 0xC0...0x24F, 0x300...0x36F, 0x1E00...0x1EFF: return true
        case 0x620...0x64A, 0x660...0x669, 0x66E...0x6D3, 0x6D5, 0x6F0...0x6FF: return true
        case 0x900...0x963, 0x966...0x96F, 0x971...0x97F: return true
        case 0xE01...0xE3A, 0xE40...0xE4E, 0xE50...0xE59: return true
        case 0x600...0x61F, 0x964, 0x965, 0xE3F, 0xE4F, 0xE5A, 0xE5B, 0x2000...0x2BFF, 0x1F000...0x1FAFF: return false
        default:
            guard let scalar = Unicode.Scalar(v) else { return false }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
                return true
            default:
                return false
            }
        }
    }

    /// Word scalars that are letters (not marks or digits), for script counting.
    @inline(__always)
    static func isLetter(_ v: UInt32) -> Bool {
        switch v {
        case 0x300...0x36F, 0x64B...0x65F, 0x660...0x669, 0x6F0...0x6F9, 0x900...0x903, 0x93A...0x94F,
             0x951...0x957, 0x962, 0x963, 0x966...0x96F, 0xE31, 0xE34...0xE3A, 0xE47...0xE4E, 0xE50...0xE59:
            return false
        default:
            return true
        }
    }

    /// Arabic folding and lower-casing for one non-ASCII word scalar; returns 0 to drop it.
    @inline(__always)
    static func foldLetter(_ v: UInt32, upper: inout Int, cased: inout Int) -> UInt32 {
        switch v {
        case 0x622, 0x623, 0x625, 0x671, 0x672, 0x673: return 0x627
        case 0x629: return 0x647
        case 0x649: return 0x64A
        // Devanagari letters with a nukta fold to the base letter, as the dropped nukta sign does.
        case 0x929: return 0x928
        case 0x931: return 0x930
        case 0x934: return 0x933
        case 0x958: return 0x915
        case 0x959: return 0x916
        case 0x95A: return 0x917
        case 0x95B: return 0x91C
        case 0x95C: return 0x921
        case 0x95D: return 0x922
        case 0x95E: return 0x92B
        case 0x95F: return 0x92F
        case 0xC0...0xDE:
            cased += 1
            upper += 1
            return v + 0x20
        case 0xDF...0xFF:
            cased += 1
            return v
        case 0x100...0x24F, 0x370...0x52F, 0x1E00...0x1FFF:
            guard let scalar = Unicode.Scalar(v) else { return v }
            let properties = scalar.properties
            if properties.isUppercase {
                cased += 1
                upper += 1
                if let lower = properties.lowercaseMapping.unicodeScalars.first { return lower.value }
                return v
            }
            if properties.isLowercase { cased += 1 }
            return v
        default:
            return v
        }
    }

    @inline(__always)
    static func isEmoji(_ v: UInt32) -> Bool {
        switch v {
        case 0x1F000...0x1FAFF, 0x2600...0x27BF, 0x2B00...0x2BFF, 0x2300...0x23FF, 0x3030, 0x303D, 0x3297, 0x3299:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isCurrency(_ v: UInt32) -> Bool {
        switch v {
        case 0x24, 0xA2...0xA5, 0x20A0...0x20CF, 0xE3F, 0xFDFC, 0x60B:
            return true
        default:
            return false
        }
    }
}
