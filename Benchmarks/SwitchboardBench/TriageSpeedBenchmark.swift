import Foundation
import TestSupport
import Triage

/// Classifications per second of the shipped model (`TriageModel.load()`, what `serve` loads) on
/// WhatsApp-sized messages — every corpus row of at most 160 characters, the selection
/// `make bench-triage` times — on one thread, against text normalisation alone on the same messages in
/// the same run. Normalisation (NFKC, case folding, Arabic letter forms, …) is the first step of
/// every classification, so the ratio is the share of the time left for features, language
/// identification, both heads and the rules.
enum TriageSpeedBenchmark {
    static func run() throws -> [BenchmarkRow] {
        let corpus = try TrainingSources(corpusDirectory: TestNetwork.repositoryRoot.appendingPathComponent("Data/triage/corpus")).load()
        let messages = corpus.map(\.text).filter { $0.count <= 160 }
        guard !messages.isEmpty else { throw BenchFailure("no corpus messages of at most 160 characters") }
        let model = try TriageModel.load()
        let normalizer = TextNormalizer()
        let classify = measureThroughput(seconds: 3, operationsPerCall: messages.count) {
            for message in messages { blackHole(model.classify(text: message, channel: .whatsapp)) }
        }
        let normalize = measureThroughput(seconds: 3, operationsPerCall: messages.count) {
            for message in messages { blackHole(normalizer.normalize(message)) }
        }
        return [BenchmarkRow(
            name: "triage classify, shipped model, 1 thread (\(messages.count) msgs ≤ 160 chars)", unit: "msg/s", value: classify,
            baselineName: "text normalisation alone", baseline: normalize, higherIsBetter: true)]
    }
}
