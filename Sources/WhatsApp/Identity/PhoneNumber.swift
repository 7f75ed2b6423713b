/// A phone number in E.164 form (`+` and 7 to 15 digits, the first not 0).
///
/// Customers write numbers every way there is: `+971 50 123 4567`, `00971-50-1234567`,
/// `+44 (0)20 7946 0958`, `٠٥٠١٢٣٤٥٦٧` in Arabic-Indic digits, or a WhatsApp `wa_id` with no `+` at all.
/// Normalising them to one form is what lets the same person's email, CSV row and WhatsApp chat meet, so
/// this is the project's one normaliser: the desk's contact keys and customers import use it too.
public struct PhoneNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `+` followed by the digits.
    public let e164: String

    /// The digits without `+`, which is how WhatsApp writes a `wa_id`.
    public var digits: String { String(e164.dropFirst()) }

    public var description: String { e164 }

    /// Accepts only a number already in E.164 form.
    public init?(e164 text: String) {
        guard text.first == "+" else {
            return nil
        }
        let digits = text.dropFirst()
        guard Self.isInternationalDigits(digits) else {
            return nil
        }
        self.e164 = text
    }

    /// Accepts anything `normalise` turns into an international number.
    public init?(_ text: String, defaultCallingCode: String? = nil, bareDigits: BareDigits = .internationalWhenTheyLookIt) {
        guard case .international(let number) = Self.normalise(text, defaultCallingCode: defaultCallingCode, bareDigits: bareDigits) else {
            return nil
        }
        self = number
    }

    /// A WhatsApp id (`wa_id`, Meta's `from`, Twilio's `WaId`): always a full international number
    /// written as bare digits, so no guessing is needed.
    public init?(waId text: String) {
        guard Self.isInternationalDigits(Substring(text)) else {
            return nil
        }
        self.e164 = "+" + text
    }

    public static func < (lhs: PhoneNumber, rhs: PhoneNumber) -> Bool {
        lhs.e164.utf8.lexicographicallyPrecedes(rhs.e164.utf8)
    }

    /// What a piece of text turned out to be.
    public enum Normalisation: Sendable, Hashable {
        /// A number with its country code: stored as E.164.
        case international(PhoneNumber)
        /// Digits without a country code that could not be placed (no default calling code was given and
        /// they do not look international): stored as the bare digits.
        case national(digits: String)
        /// Letters, too few digits or stray symbols.
        case notAPhone

        /// The text to store: E.164, the bare national digits, or nil.
        public var text: String? {
            switch self {
            case .international(let number): number.e164
            case .national(let digits): digits
            case .notAPhone: nil
            }
        }
    }

    /// How digits written without `+` or `00` are read.
    public enum BareDigits: Sendable, Hashable {
        /// 11 to 15 digits that start with an assigned country code are international, as a `wa_id` is.
        /// Right for what providers send.
        case internationalWhenTheyLookIt
        /// Never international by themselves: only a default calling code places them. Right for numbers
        /// people typed (a customers CSV), where a missing `+` is a mistake to report, not to guess around.
        case national
    }

    /// Normalises a number as people write it.
    ///
    /// - Strips a `whatsapp:` or `tel:` prefix, spaces, dashes, dots, slashes, parentheses, direction
    ///   marks, and a `(0)` trunk hint after a country code; reads any script's decimal digits.
    /// - `+` or a leading `00` marks an international number.
    /// - Bare digits with one leading `0` are national: with `defaultCallingCode` (such as `"971"`) the
    ///   `0` is replaced by it, otherwise they stay national.
    /// - Other bare digits become international when they look it (11 to 15 digits starting with an
    ///   assigned country code, as a `wa_id` does); otherwise the default calling code is put in front,
    ///   or they stay national. With `bareDigits: .national` they never look international.
    public static func normalise(
        _ text: String, defaultCallingCode: String? = nil, bareDigits: BareDigits = .internationalWhenTheyLookIt
    ) -> Normalisation {
        guard var scalars = cleaned(text) else {
            return .notAPhone
        }
        var international = false
        if scalars.first == "+" {
            international = true
            scalars.removeFirst()
        } else if scalars.starts(with: ["0", "0"]) {
            international = true
            scalars.removeFirst(2)
        }
        guard !scalars.isEmpty, scalars.allSatisfy({ ("0"..."9").contains($0) }) else {
            return .notAPhone
        }
        let digits = String(String.UnicodeScalarView(scalars))
        if international {
            return PhoneNumber(waId: digits).map(Normalisation.international) ?? .notAPhone
        }
        let callingCode = defaultCallingCode.map { $0.hasPrefix("+") ? String($0.dropFirst()) : $0 }
            .flatMap { isCallingCode($0) ? $0 : nil }
        guard digits.count >= 5, digits.count <= 15 else {
            return .notAPhone
        }
        if digits.first == "0" {
            if let callingCode, let number = PhoneNumber(waId: callingCode + digits.dropFirst()) {
                return .international(number)
            }
            return .national(digits: digits)
        }
        if bareDigits == .internationalWhenTheyLookIt, looksInternational(digits), let number = PhoneNumber(waId: digits) {
            return .international(number)
        }
        if let callingCode, let number = PhoneNumber(waId: callingCode + digits) {
            return .international(number)
        }
        return .national(digits: digits)
    }

    /// Removes decoration and maps digits to ASCII; nil when something that is no part of a phone
    /// number (a letter, say) is present.
    private static func cleaned(_ text: String) -> [Unicode.Scalar]? {
        var rest = Substring(text).drop { $0.isWhitespace }
        for prefix in ["whatsapp:", "tel:"] where rest.lowercased().hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
        }
        var scalars: [Unicode.Scalar] = []
        for scalar in rest.unicodeScalars {
            if let digit = asciiDigit(scalar) {
                scalars.append(digit)
            } else if scalar == "+" || scalar == "\u{FF0B}" {
                scalars.append("+")
            } else if scalar == "(" || scalar == ")" {
                scalars.append(scalar)
            } else if separators.contains(scalar) || scalar.properties.isWhitespace {
                continue
            } else {
                return nil
            }
        }
        // "+44 (0)20 …": the (0) is the national trunk prefix, dialled only from inside the country.
        if scalars.first == "+" || scalars.starts(with: ["0", "0"]) {
            var index = 0
            while index + 2 < scalars.count {
                if scalars[index] == "(", scalars[index + 1] == "0", scalars[index + 2] == ")" {
                    scalars.removeSubrange(index...(index + 2))
                } else {
                    index += 1
                }
            }
        }
        scalars.removeAll { $0 == "(" || $0 == ")" }
        guard scalars.dropFirst().allSatisfy({ $0 != "+" }) else {
            return nil
        }
        return scalars
    }

    private static let separators: Set<Unicode.Scalar> = [
        "-", ".", "/", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}",
        "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}",
        "\u{2067}", "\u{2068}", "\u{2069}", "\u{200B}", "\u{FEFF}",
    ]

    private static func asciiDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard scalar.properties.numericType == .decimal,
              let value = scalar.properties.numericValue,
              let digit = Int(exactly: value), (0...9).contains(digit)
        else {
            return nil
        }
        return Unicode.Scalar(UInt8(ascii: "0") + UInt8(digit))
    }

    private static func isInternationalDigits(_ digits: Substring) -> Bool {
        (7...15).contains(digits.count)
            && digits.first != "0"
            && digits.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    private static func looksInternational(_ digits: String) -> Bool {
        (11...15).contains(digits.count) && (1...3).contains { isCallingCode(String(digits.prefix($0))) }
    }

    private static func isCallingCode(_ code: String) -> Bool {
        callingCodes.contains(code)
    }

    /// How many leading digits of an international number are its country calling code. ITU assigns
    /// codes so that no code is the start of another: `1` and `7` are one digit, some zones use two,
    /// the rest (and anything unassigned) three.
    public static func callingCodeLength(ofDigits digits: some StringProtocol) -> Int {
        (1...2).first { isCallingCode(String(digits.prefix($0))) } ?? 3
    }

    /// Geographic ITU-T E.164 country calling codes. Used only to tell a `wa_id`-like string of digits
    /// from a national number; it need not be perfect, only conservative.
    private static let callingCodes: Set<String> = {
        var codes: Set<String> = [
            "1", "7",
            "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48",
            "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81",
            "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
            "211", "212", "213", "216", "218", "290", "291", "297", "298", "299", "420", "421", "423", "670",
            "850", "852", "853", "855", "856", "880", "886", "992", "993", "994", "995", "996", "998",
        ]
        let ranges: [ClosedRange<Int>] = [
            220...258, 260...269, 350...359, 370...383, 385...387, 389...389, 500...509, 590...599, 672...683,
            685...692, 960...968, 970...977,
        ]
        for range in ranges {
            for code in range {
                codes.insert(String(code))
            }
        }
        return codes
    }()
}
