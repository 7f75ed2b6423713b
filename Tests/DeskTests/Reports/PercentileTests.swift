import Desk
import Testing

/// Nearest rank: the value at 1-based rank ⌈p·n/100⌉, always an observed value.
@Suite struct PercentileTests {
    @Test func ranksAreTheCeilingOfPTimesN() {
        #expect(Percentile.rank(50, count: 0) == nil)
        #expect(Percentile.rank(50, count: 1) == 1)
        #expect(Percentile.rank(90, count: 1) == 1)
        #expect(Percentile.rank(50, count: 4) == 2)   // ⌈2⌉
        #expect(Percentile.rank(50, count: 5) == 3)   // ⌈2.5⌉
        #expect(Percentile.rank(90, count: 5) == 5)   // ⌈4.5⌉
        #expect(Percentile.rank(90, count: 10) == 9)  // ⌈9⌉
        #expect(Percentile.rank(90, count: 11) == 10) // ⌈9.9⌉
        #expect(Percentile.rank(1, count: 10) == 1)   // ⌈0.1⌉
        #expect(Percentile.rank(100, count: 7) == 7)
    }

    @Test func valuesComeFromTheSortedList() {
        let sorted = [3, 5, 8, 13, 21, 34, 55, 89, 144, 233]
        #expect(Percentile.nearestRank(50, sorted: sorted) == 21)
        #expect(Percentile.nearestRank(90, sorted: sorted) == 144)
        #expect(Percentile.nearestRank(50, sorted: [Int]()) == nil)
    }

    @Test func durationSummarySortsItsSamples() {
        let summary = DurationSummary(samples: [600, 60, 3600, 120, 300])
        #expect(summary.count == 5)
        #expect(summary.p50 == 300)
        #expect(summary.p90 == 3600)
        #expect(DurationSummary(samples: []) == DurationSummary(count: 0, p50: nil, p90: nil))
    }
}
