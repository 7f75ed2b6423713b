import Foundation
import Synchronization

/// A clock tests move by hand. Starts on a whole second so dates survive the database's millisecond
/// storage unchanged.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_750_000_000)) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// The closure `AppDatabase` takes.
    var function: @Sendable () -> Date { { [self] in now } }
}
