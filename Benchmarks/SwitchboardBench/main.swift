import Foundation

/// `make bench`: one suite, one table. Every figure is a ratio against a baseline measured in this run.
/// `SwitchboardBench GROUP` runs one group.
var report = BenchmarkReport()
let only = CommandLine.arguments.dropFirst().first
let groups: [(name: String, run: () async throws -> [BenchmarkRow])] = [
    ("irc", { IRCBenchmark.run() }),
    ("email", { EmailBenchmark.run() }),
    ("triage", { try TriageSpeedBenchmark.run() + TriageAccuracyBenchmark.run() }),
    ("webhook", { try await WebhookBenchmark.run() }),
    ("card", { try await CardLatencyBenchmark.run() }),
    ("burst", { try await BurstDrainBenchmark.run() }),
    ("kb", { try await KnowledgeBenchmark.run() }),
    ("report", { try ReportBenchmark.run() }),
    ("serve", { try await ServeFootprintBenchmark.run() }),
]
if let only, !groups.contains(where: { $0.name == only }) {
    FileHandle.standardError.write(Data("unknown group \(only); groups: \(groups.map(\.name).joined(separator: ", "))\n".utf8))
    exit(64)
}
FileHandle.standardError.write(Data("running benchmarks (release build; the serve group ingests 100,000 tickets)\n".utf8))
for group in groups where only == nil || only == group.name {
    FileHandle.standardError.write(Data("[\(group.name)]\n".utf8))
    do {
        for row in try await group.run() { report.add(row) }
    } catch {
        report.skip(group.name, because: "failed: \(error)")
    }
    if group.name == "triage" {
        switch TriageComparison.rows() {
        case .success(let rows): rows.forEach { report.add($0) }
        case .failure(let reason): report.skip("triage against scikit-learn", because: reason.description)
        }
    }
}
report.printTable()
let resultsDirectory = ProcessInfo.processInfo.environment["BENCH_RESULTS"] ?? "Benchmarks/results"
do {
    try report.save(to: resultsDirectory)
} catch {
    FileHandle.standardError.write(Data("could not save results: \(error)\n".utf8))
}
