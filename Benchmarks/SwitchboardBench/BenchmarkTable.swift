import Foundation

/// One row of the benchmark table: a figure, the baseline measured in the same run, and their ratio.
struct BenchmarkRow: Codable, Sendable {
    var name: String
    var unit: String
    var value: Double
    var baselineName: String
    var baseline: Double
    /// Higher is better for throughputs; for latencies the ratio is baseline / value.
    var higherIsBetter: Bool

    var ratio: Double { higherIsBetter ? value / baseline : baseline / value }
}

/// Collects rows, prints one table, and saves the run with a description of the machine.
struct BenchmarkReport {
    var rows: [BenchmarkRow] = []
    /// What this run could not measure, and why (missing data, a failed group): printed under the table
    /// and saved with the rows, so a short table never passes for a complete one.
    var skipped: [String] = []

    mutating func add(_ row: BenchmarkRow) {
        rows.append(row)
        FileHandle.standardError.write(Data("  done: \(row.name)\n".utf8))
    }

    mutating func skip(_ what: String, because reason: String) {
        skipped.append("\(what): \(reason)")
        FileHandle.standardError.write(Data("  SKIPPED \(what): \(reason)\n".utf8))
    }

    func printTable() {
        let header = ["benchmark", "value", "baseline (same run)", "ratio"]
        let lines = rows.map { row in
            [row.name, "\(Self.format(row.value)) \(row.unit)", "\(row.baselineName): \(Self.format(row.baseline)) \(row.unit)",
             String(format: row.ratio < 0.1 ? "%.4f×" : "%.2f×", row.ratio)]
        }
        let widths = header.indices.map { column in ([header] + lines).map { $0[column].count }.max() ?? 0 }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        print(render(header))
        print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines.forEach { print(render($0)) }
        skipped.forEach { print("skipped — \($0)") }
    }

    func save(to directory: String) throws {
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let machine = [
            "cores": "\(ProcessInfo.processInfo.activeProcessorCount)",
            "memory_gib": String(format: "%.1f", Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824),
            "os": ProcessInfo.processInfo.operatingSystemVersionString,
            "cpu": Self.cpuModel(),
        ]
        struct Saved: Codable { var date: String; var machine: [String: String]; var rows: [BenchmarkRow]; var skipped: [String] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(Saved(date: stamp, machine: machine, rows: rows, skipped: skipped))
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: directory).appendingPathComponent("bench-\(stamp).json"))
    }

    static func format(_ value: Double) -> String {
        value >= 100 ? String(format: "%.0f", value) : String(format: value < 1 ? "%.3f" : "%.2f", value)
    }

    static func cpuModel() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }) else { return "unknown" }
        return line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
    }
}

/// Runs `body` repeatedly for at least `seconds` and returns operations per second.
func measureThroughput(seconds: Double = 1.0, operationsPerCall: Int, _ body: () -> Void) -> Double {
    body()  // warm-up
    let clock = ContinuousClock()
    var calls = 0
    let start = clock.now
    var elapsed = Duration.zero
    repeat {
        body()
        calls += 1
        elapsed = start.duration(to: clock.now)
    } while elapsed < .milliseconds(Int64(seconds * 1000))
    let secondsElapsed = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return Double(calls * operationsPerCall) / secondsElapsed
}

/// Keeps the optimiser from discarding a computed value.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}
