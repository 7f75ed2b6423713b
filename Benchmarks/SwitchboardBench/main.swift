import Foundation

/// `make bench`: one suite, one table. Every figure is a ratio against a baseline measured in this run.
var report = BenchmarkReport()
let only = CommandLine.arguments.dropFirst().first
FileHandle.standardError.write(Data("running benchmarks (release build, ~1 s per measurement)\n".utf8))
if only == nil || only == "irc" { IRCBenchmark.run(into: &report) }
if only == nil || only == "email" { EmailBenchmark.run(into: &report) }
if only == nil || only == "webhook" {
    do {
        for row in try await WebhookBenchmark.run() { report.add(row) }
    } catch {
        FileHandle.standardError.write(Data("webhook benchmark failed: \(error)\n".utf8))
    }
}
if only == nil || only == "card" {
    do {
        for row in try await CardLatencyBenchmark.run() { report.add(row) }
    } catch {
        FileHandle.standardError.write(Data("card latency benchmark failed: \(error)\n".utf8))
    }
}
if only == nil || only == "kb" {
    do {
        for row in try await KnowledgeBenchmark.run() { report.add(row) }
    } catch {
        FileHandle.standardError.write(Data("knowledge-base benchmark failed: \(error)\n".utf8))
    }
}
if only == nil || only == "report" {
    do {
        for row in try ReportBenchmark.run() { report.add(row) }
    } catch {
        FileHandle.standardError.write(Data("report benchmark failed: \(error)\n".utf8))
    }
}
report.printTable()
let resultsDirectory = ProcessInfo.processInfo.environment["BENCH_RESULTS"] ?? "Benchmarks/results"
do {
    try report.save(to: resultsDirectory)
} catch {
    FileHandle.standardError.write(Data("could not save results: \(error)\n".utf8))
}
