import Desk
import Synchronization

/// Counts each sender's new messages in a sliding window, so the desk can tell a customer typing fast
/// from a spammer or a looping bot: beyond `limit` messages in `window`, the sender is flooding.
///
/// Flooding messages are still stored (nothing a customer sends is dropped); the listener is told, and
/// coalesces instead of posting a card per message. The lock is held only for a few array operations,
/// never across a database write or an `await`, so one busy sender cannot hold up anyone else's intake.
/// Memory is bounded: each sender keeps at most `limit + 1` instants, and idle senders are swept out.
final class SenderFloodMonitor: Sendable {
    private struct State {
        var recent: [ContactKey: [ContinuousClock.Instant]] = [:]
        var recordsSinceSweep = 0
    }

    let limit: Int
    let window: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let state = Mutex(State())

    /// Senders are swept after this many records, keeping the cost O(1) amortised.
    private static let sweepInterval = 1024

    init(limit: Int = 10, window: Duration = .seconds(60), now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        precondition(limit > 0, "a flood limit must allow at least one message")
        self.limit = limit
        self.window = window
        self.now = now
    }

    /// Records one new message from `sender`; true when it is beyond the limit for the window.
    func record(_ sender: ContactKey) -> Bool {
        let instant = now()
        let cutoff = instant.advanced(by: .zero - window)
        return state.withLock { state in
            state.recordsSinceSweep += 1
            if state.recordsSinceSweep >= Self.sweepInterval {
                state.recordsSinceSweep = 0
                state.recent = state.recent.filter { $0.value.last.map { $0 > cutoff } ?? false }
            }
            var times = state.recent[sender, default: []]
            times.removeAll { $0 <= cutoff }
            times.append(instant)
            // The newest `limit + 1` instants decide whether more than `limit` fall in the window.
            if times.count > limit + 1 { times.removeFirst(times.count - (limit + 1)) }
            state.recent[sender] = times
            return times.count > limit
        }
    }

    /// How many senders are tracked (for tests of the memory bound).
    var trackedSenders: Int { state.withLock { $0.recent.count } }
}
