import Foundation

/// Switchboard's triage against scikit-learn, folded into the table from `make bench-triage`'s
/// `summary.json`, which `Benchmarks/bench.sh` produces earlier in the same `make bench` run (and passes
/// as `$BENCH_TRIAGE_SUMMARY`) when the shared triage data exists.
///
/// What bench-triage measures: 5-fold cross-validation on `triage_dev.jsonl`, each fold's model trained
/// on everything the shipped model is trained on (public sets, corpus, the other dev folds) minus
/// normalised copies of the test rows; scikit-learn (char n-gram TF-IDF + logistic regression) trained
/// on exactly the same rows and tested on the same folds; and classify throughput of both on one pinned
/// core over the same short messages.
enum TriageComparison {
    struct Summary: Decodable {
        struct Side: Decodable {
            var macro_f1: Double?
            var accuracy: Double?
            var classify_per_second: Double?
            var predict_per_second: Double?
            var rows: Int?
            var folds: Int?
        }

        var switchboard: Side
        var sklearn: Side
    }

    /// The rows, or why there are none (the reason goes under the table).
    static func rows(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<[BenchmarkRow], BenchFailure> {
        guard let path = environment["BENCH_TRIAGE_SUMMARY"] else {
            return .failure(BenchFailure(environment["BENCH_TRIAGE_SKIPPED"]
                ?? "bench-triage did not run in this run (`make bench` runs it when ../shared/triage-data or $SWITCHBOARD_TRIAGE_DATA exists)"))
        }
        let summary: Summary
        do {
            summary = try JSONDecoder().decode(Summary.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            return .failure(BenchFailure("cannot read \(path): \(error)"))
        }
        let ours = summary.switchboard, theirs = summary.sklearn
        guard let f1 = ours.macro_f1, let baselineF1 = theirs.macro_f1, let accuracy = ours.accuracy, let baselineAccuracy = theirs.accuracy,
              let speed = ours.classify_per_second, let baselineSpeed = theirs.predict_per_second else {
            return .failure(BenchFailure("\(path) lacks a figure (an older bench-triage?)"))
        }
        let subject = "\(theirs.folds ?? 5)-fold CV, triage_dev (\(theirs.rows.map(String.init) ?? "?") rows), shipped data minus fold"
        let sklearn = "scikit-learn TF-IDF + LR, same folds"
        return .success([
            BenchmarkRow(name: "triage macro-F1, \(subject)", unit: "", value: f1,
                         baselineName: sklearn, baseline: baselineF1, higherIsBetter: true),
            BenchmarkRow(name: "triage accuracy, same triage_dev CV", unit: "%", value: accuracy * 100,
                         baselineName: sklearn, baseline: baselineAccuracy * 100, higherIsBetter: true),
            BenchmarkRow(name: "triage classify, one pinned core (bench-triage)", unit: "msg/s", value: speed,
                         baselineName: "scikit-learn predict, same messages", baseline: baselineSpeed, higherIsBetter: true),
        ])
    }
}
