import DequeModule
import IRC

/// One line waiting for the flood gate.
struct QueuedLine: Sendable {
    var message: IRCMessage
    /// For a direct message meant for one services account: when the line leaves, it goes to whichever
    /// nick that account is on then, or nowhere, never to whoever holds the old nick.
    var account: String?
}

/// A priority queue of lines; FIFO within one priority so a split message stays in order.
///
/// Lanes below command replies are bounded: cards and digests can be rebuilt from the database, so a
/// long outage must not turn into thousands of lines held in memory (and sent at one a second after).
/// Command replies are never dropped; they come from people and are few.
struct OutboundQueue: Sendable {
    /// The most lines one bounded lane holds; beyond it, new lines are dropped and counted.
    static let laneLimit = 500

    private var lanes: [Deque<QueuedLine>] = Array(repeating: [], count: OutboundPriority.allCases.count)
    /// Lines refused because their lane was full, since start.
    private(set) var dropped = 0

    var isEmpty: Bool { lanes.allSatisfy(\.isEmpty) }
    var count: Int { lanes.reduce(0) { $0 + $1.count } }

    /// Lines waiting at `priority` or anything more urgent.
    func count(atMost priority: OutboundPriority) -> Int {
        OutboundPriority.allCases.filter { $0 <= priority }.reduce(0) { $0 + lanes[$1.rawValue].count }
    }

    /// Queues a line; false when its lane is full and the line was dropped.
    @discardableResult
    mutating func append(_ line: QueuedLine, priority: OutboundPriority) -> Bool {
        if priority > .commandReply, lanes[priority.rawValue].count >= Self.laneLimit {
            dropped += 1
            return false
        }
        lanes[priority.rawValue].append(line)
        return true
    }

    /// The most urgent line and its priority.
    mutating func popFirst() -> (line: QueuedLine, priority: OutboundPriority)? {
        for priority in OutboundPriority.allCases where !lanes[priority.rawValue].isEmpty {
            return (lanes[priority.rawValue].removeFirst(), priority)
        }
        return nil
    }

    var firstPriority: OutboundPriority? {
        OutboundPriority.allCases.first { !lanes[$0.rawValue].isEmpty }
    }

    mutating func removeAll() {
        for index in lanes.indices { lanes[index].removeAll() }
    }
}
