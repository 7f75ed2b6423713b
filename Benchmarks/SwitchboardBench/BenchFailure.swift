/// Why a benchmark group could not produce its rows; listed under the table as skipped.
struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
