import Foundation
import GRDB
@testable import Store
import Testing

@Suite struct StoredDateTests {
    /// GRDB's own text for a date: what every stored date looked like before, and what reads parse.
    static func grdb(_ date: Date) -> String {
        String.fromDatabaseValue(date.databaseValue)!
    }

    @Test("writes exactly GRDB's text: leap days, the epoch, before it, and millisecond edges")
    func sameTextAsGRDB() {
        var dates = [0, -0.0005, -1, 951_782_400, 951_868_799.9999, 1_709_164_800.123, 4_102_444_799.999, 1_800_000_000.9996,
                     -2_208_988_800.5, 253_402_300_799.999].map(Date.init(timeIntervalSince1970:))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            dates.append(Date(timeIntervalSince1970: Double.random(in: -3e9...5e9, using: &generator)))
        }
        for date in dates {
            #expect(StoredDate.text(date) == Self.grdb(date), "\(date.timeIntervalSince1970)")
        }
    }

    @Test("a stored record reads back the same instant, to the millisecond")
    func roundTrip() throws {
        let date = Date(timeIntervalSince1970: 1_800_000_000.123)
        let text = StoredDate.text(date)
        #expect(Date.fromDatabaseValue(text.databaseValue) == Date.fromDatabaseValue(date.databaseValue))
    }
}
