/// Percentiles by the nearest-rank method: the p-th percentile of n sorted values is the value at
/// 1-based rank ⌈p·n/100⌉ (at least 1). It is always one of the observed values — "p90 is 3h" means a
/// real ticket waited 3h and 90% waited no longer — and it needs no interpolation rule to explain.
///
/// Examples: the median (p50) of [1, 2, 3, 4] is 2 (rank 2); p90 of ten values is the 9th; p90 of five
/// values is the 5th (⌈4.5⌉).
public enum Percentile {
    /// The 1-based rank of the p-th percentile among `count` values; nil when there are none.
    public static func rank(_ p: Int, count: Int) -> Int? {
        precondition((1...100).contains(p), "a percentile is between 1 and 100")
        guard count > 0 else { return nil }
        return max(1, (p * count + 99) / 100)
    }

    /// The p-th percentile of `sorted`, which must be in ascending order.
    public static func nearestRank<T>(_ p: Int, sorted: [T]) -> T? {
        rank(p, count: sorted.count).map { sorted[$0 - 1] }
    }
}
