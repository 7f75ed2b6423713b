import Foundation
import GRDB

/// Dates as Switchboard stores them: GRDB's text format, `yyyy-MM-dd HH:mm:ss.SSS` in UTC, written
/// without a `DateFormatter`. GRDB formats each date through ICU, which cost more than the SQL of an
/// ingest (a new ticket writes about fifteen dates); this writes the same text, and reading stays GRDB's.
enum StoredDate {
    static func text(_ date: Date) -> String {
        // Milliseconds rounded half up, computed from the reference date as Core Foundation does before
        // handing the instant to ICU (so that every digit matches what GRDB wrote until now).
        let milliseconds = Int64(((date.timeIntervalSinceReferenceDate + 978_307_200) * 1000 + 0.5).rounded(.down))
        let (days, millisecondOfDay) = floorDivision(milliseconds, 86_400_000)
        let (year, month, day) = civil(fromDays: days)
        let seconds = millisecondOfDay / 1000
        var bytes = [UInt8](repeating: 0, count: 23)
        func put(_ value: Int64, at offset: Int, width: Int) {
            var value = value
            for index in stride(from: offset + width - 1, through: offset, by: -1) {
                bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(year, at: 0, width: 4)
        bytes[4] = UInt8(ascii: "-")
        put(month, at: 5, width: 2)
        bytes[7] = UInt8(ascii: "-")
        put(day, at: 8, width: 2)
        bytes[10] = UInt8(ascii: " ")
        put(seconds / 3600, at: 11, width: 2)
        bytes[13] = UInt8(ascii: ":")
        put(seconds / 60 % 60, at: 14, width: 2)
        bytes[16] = UInt8(ascii: ":")
        put(seconds % 60, at: 17, width: 2)
        bytes[19] = UInt8(ascii: ".")
        put(millisecondOfDay % 1000, at: 20, width: 3)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    /// Year, month and day of a count of days since 1970-01-01 in the proleptic Gregorian calendar
    /// (Howard Hinnant's `civil_from_days`).
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// A record whose dates are written by ``StoredDate``.
protocol StoredDateRecord: EncodableRecord {}

extension StoredDateRecord {
    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .custom { StoredDate.text($0) }
    }
}
