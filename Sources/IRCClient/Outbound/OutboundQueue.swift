import DequeModule
import IRC

/// A priority queue of wire lines; FIFO within one priority so a split message stays in order.
struct OutboundQueue: Sendable {
    private var lanes: [Deque<String>] = Array(repeating: [], count: OutboundPriority.allCases.count)

    var isEmpty: Bool { lanes.allSatisfy(\.isEmpty) }
    var count: Int { lanes.reduce(0) { $0 + $1.count } }

    mutating func append(_ line: String, priority: OutboundPriority) {
        lanes[priority.rawValue].append(line)
    }

    /// The most urgent line and its priority.
    mutating func popFirst() -> (line: String, priority: OutboundPriority)? {
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
