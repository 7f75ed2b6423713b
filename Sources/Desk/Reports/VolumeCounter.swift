import Foundation

/// Counts tickets into a ``VolumeTable`` without calendar arithmetic or hashing per ticket: the day is
/// found by binary search over the period's day starts, and counts go into a flat array indexed by day,
/// category and channel.
struct VolumeCounter {
    private static let categories: [Category?] = Category.allCases.map { Optional($0) } + [nil]
    private let days: [Date]
    private var counts: [Int]

    init(period: DateInterval, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var days: [Date] = []
        var day = calendar.startOfDay(for: period.start)
        while day <= period.end {
            days.append(day)
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
        }
        self.days = days
        counts = Array(repeating: 0, count: days.count * Self.categories.count * Channel.allCases.count)
    }

    /// Counts a ticket opened within the period.
    mutating func add(_ ticket: ReportTicket) {
        guard let first = days.first, ticket.createdAt >= first else { return }
        var low = 0, high = days.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if days[middle] <= ticket.createdAt { low = middle } else { high = middle - 1 }
        }
        counts[index(day: low, category: ticket.category, channel: ticket.channel)] += 1
    }

    var table: VolumeTable {
        var table: [VolumeTable.Key: Int] = [:]
        for (dayIndex, day) in days.enumerated() {
            for category in Self.categories {
                for channel in Channel.allCases {
                    let count = counts[index(day: dayIndex, category: category, channel: channel)]
                    if count > 0 { table[VolumeTable.Key(day: day, category: category, channel: channel)] = count }
                }
            }
        }
        return VolumeTable(days: days, counts: table)
    }

    private func index(day: Int, category: Category?, channel: Channel) -> Int {
        let categoryIndex = category.flatMap { Category.allCases.firstIndex(of: $0) } ?? Category.allCases.count
        let channelIndex = Channel.allCases.firstIndex(of: channel) ?? 0
        return (day * Self.categories.count + categoryIndex) * Channel.allCases.count + channelIndex
    }
}
