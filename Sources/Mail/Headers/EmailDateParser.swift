import Foundation

/// RFC 5322 `Date` values, leniently: optional weekday, one- or two-digit day, English month names,
/// two- or four-digit years, optional seconds, numeric or obsolete alphabetic zones, trailing comments.
enum EmailDateParser {
    static func parse(_ value: String) -> Date? {
        var tokens: [Substring] = []
        var depth = 0
        var start: String.Index?
        for idx in value.indices {
            let c = value[idx]
            if c == "(" { depth += 1 }
            if depth > 0 {
                if c == ")" { depth -= 1 }
                if let s = start { tokens.append(value[s..<idx]); start = nil }
                continue
            }
            if c == " " || c == "," || c == "\t" {
                if let s = start { tokens.append(value[s..<idx]); start = nil }
            } else if start == nil {
                start = idx
            }
        }
        if let s = start { tokens.append(value[s...]) }

        var day: Int?
        var month: Int?
        var year: Int?
        var hour = 0, minute = 0, second = 0
        var haveTime = false
        var offset = 0
        for token in tokens {
            let lower = token.lowercased()
            if let m = monthNumber(lower), month == nil {
                month = m
                continue
            }
            if token.contains(":"), !haveTime {
                let parts = token.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count >= 2, let h = Int(parts[0]), let mi = Int(parts[1]) else { continue }
                hour = h
                minute = mi
                second = parts.count > 2 ? Int(parts[2].prefix(2)) ?? 0 : 0
                haveTime = true
                continue
            }
            if let first = token.first, first == "+" || first == "-", token.count == 5,
               let n = Int(token.dropFirst()) {
                let sign = first == "-" ? -1 : 1
                guard n < 10_000 else { continue }
                offset = sign * ((n / 100) * 3600 + (n % 100) * 60)
                continue
            }
            if let zone = zoneOffset(lower) {
                offset = zone
                continue
            }
            if let n = Int(token) {
                if day == nil, token.count <= 2, month == nil || year == nil {
                    day = n
                } else if year == nil {
                    year = token.count <= 2 ? (n < 50 ? 2000 + n : 1900 + n) : (token.count == 3 ? 1900 + n : n)
                } else if day == nil, token.count <= 2 {
                    day = n
                }
            }
        }
        guard let day, let month, let year, (1...9999).contains(year), (1...31).contains(day), (0...23).contains(hour),
              (0...59).contains(minute), (0...60).contains(second) else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func monthNumber(_ token: String) -> Int? {
        guard token.count >= 3, token.first?.isLetter == true else { return nil }
        let prefix = String(token.prefix(3))
        guard let index = months.firstIndex(of: prefix) else { return nil }
        return index + 1
    }

    private static func zoneOffset(_ token: String) -> Int? {
        switch token {
        case "ut", "utc", "gmt", "z": return 0
        case "est": return -5 * 3600
        case "edt": return -4 * 3600
        case "cst": return -6 * 3600
        case "cdt": return -5 * 3600
        case "mst": return -7 * 3600
        case "mdt": return -6 * 3600
        case "pst": return -8 * 3600
        case "pdt": return -7 * 3600
        default: return nil
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
