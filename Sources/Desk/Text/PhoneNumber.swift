import Foundation

/// A deliberately small E.164 normaliser: enough to make the same number typed in a CSV, sent by
/// Twilio and sent by Meta compare equal. It does not validate numbering plans; it only reads
/// international forms (`+971 50 123 4567`, `00971501234567`, `+44 (0)20 7946 0958`) and, when the
/// caller gives a default calling code, national forms with a trunk `0`.
public enum PhoneNumber {
    /// E.164 allows at most 15 digits; fewer than 7 is not a reachable international number.
    static let digitCount = 7...15

    /// `+` and digits, or nil when `raw` does not read as an international number.
    /// Non-ASCII decimal digits (Arabic-Indic `٠٥٠`, Devanagari…) are accepted, since customers type them.
    /// - Parameter defaultCallingCode: digits such as `"971"`, used for numbers written without `+`/`00`.
    public static func normalize(_ raw: String, defaultCallingCode: String? = nil) -> String? {
        var text = raw.trimmingWhitespace()
        for prefix in ["tel:", "whatsapp:"] where text.lowercased().hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmingWhitespace()
        }
        // "+44 (0)20 …": the bracketed trunk zero is not dialled internationally.
        text = text.replacingOccurrences(of: "(0)", with: "")

        var digits = ""
        var sawPlus = false
        for character in text {
            if character == "+" {
                guard !sawPlus, digits.isEmpty else { return nil }
                sawPlus = true
            } else if let value = decimalDigit(character) {
                digits.append(String(value))
            } else if character.isWhitespace || "-.()/\u{2011}\u{2012}\u{2013}".contains(character) {
                continue
            } else {
                return nil
            }
        }

        if sawPlus {
            // Already international.
        } else if digits.hasPrefix("00") {
            digits.removeFirst(2)
        } else if let code = defaultCallingCode?.filter(\.isASCIIDigit), !code.isEmpty {
            if digits.hasPrefix("0") { digits.removeFirst() }
            digits = code + digits
        } else {
            return nil
        }

        guard digitCount.contains(digits.count), digits.first != "0" else { return nil }
        return "+" + digits
    }

    /// The value of a decimal digit in any script, so `٠٥٠` reads as `050`; nil for anything else
    /// (including `½` and other numeric characters that are not digits).
    static func decimalDigit(_ character: Character) -> Int? {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
              scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue
        else { return nil }
        return Int(value)
    }

    /// How many leading digits of an E.164 number are the country calling code. ITU assigns codes so
    /// that this is decidable from the digits alone: `1` and `7` are one digit, a fixed set of zones
    /// use two digits, everything else uses three.
    public static func callingCodeLength(ofDigits digits: some StringProtocol) -> Int {
        guard let first = digits.first else { return 0 }
        if first == "1" || first == "7" { return 1 }
        let two = String(digits.prefix(2))
        return twoDigitCodes.contains(two) ? 2 : 3
    }

    static let twoDigitCodes: Set<String> = [
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
        "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66",
        "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
    ]
}
