public import Foundation

/// Tickets opened per day, category and channel. Every day of the period is listed, quiet ones too, so
/// charts and tables have no gaps.
public struct VolumeTable: Sendable, Hashable {
    public struct Key: Sendable, Hashable {
        /// The start of the day in the report's time zone.
        public var day: Date
        /// Nil for tickets not triaged yet.
        public var category: Category?
        public var channel: Channel

        public init(day: Date, category: Category?, channel: Channel) {
            self.day = day
            self.category = category
            self.channel = channel
        }
    }

    public var days: [Date]
    public var counts: [Key: Int]

    public init(days: [Date], counts: [Key: Int]) {
        self.days = days
        self.counts = counts
    }

    /// The categories that occur, in ``Category`` order, with untriaged (nil) last.
    public var categories: [Category?] {
        let present = Set(counts.keys.map(\.category))
        return (Category.allCases.map { Optional($0) } + [nil]).filter { present.contains($0) }
    }

    public var total: Int { counts.values.reduce(0, +) }

    public func count(day: Date, category: Category?, channel: Channel) -> Int {
        counts[Key(day: day, category: category, channel: channel)] ?? 0
    }

    public func count(day: Date, category: Category?) -> Int {
        Channel.allCases.reduce(0) { $0 + count(day: day, category: category, channel: $1) }
    }

    public func count(day: Date) -> Int {
        counts.reduce(0) { $0 + ($1.key.day == day ? $1.value : 0) }
    }

    public func count(category: Category?, channel: Channel) -> Int {
        counts.reduce(0) { $0 + ($1.key.category == category && $1.key.channel == channel ? $1.value : 0) }
    }

    public func count(category: Category?) -> Int {
        counts.reduce(0) { $0 + ($1.key.category == category ? $1.value : 0) }
    }

    public func count(channel: Channel) -> Int {
        counts.reduce(0) { $0 + ($1.key.channel == channel ? $1.value : 0) }
    }
}
