import ArgumentParser
import Foundation
import Triage

/// `switchboard eval DATA...` scores a model; `eval --cv K DATA...` cross-validates instead.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Per-class and per-language scores of a model on labeled data, or k-fold cross-validation.",
        discussion: """
            Without --cv, scores the --model model (default: $SWITCHBOARD_MODEL, else the bundled one). \
            With --cv K, DATA is split into K stratified, seeded folds; each fold is predicted by a model \
            trained on the public sets, the corpus and the other folds. The public sets and corpus default \
            to the repository layout (../shared/triage-data or $SWITCHBOARD_TRIAGE_DATA, \
            Data/triage/category-map.csv, Data/triage/corpus) when run from the repository root. The \
            shipped model is trained on all of triage_dev.jsonl, so only --cv gives a held-out figure for it.
            """
    )

    @Option(name: .long, help: "Model file to score (not with --cv).")
    var model: String?

    @Option(name: .long, help: "Cross-validate with K folds instead of scoring a model.")
    var cv: Int?

    @Option(name: .long, help: "Fold seed.")
    var seed: UInt64 = 1

    @Option(name: .customLong("public-data"), help: "The triage-data folder with the public sets (--cv).")
    var publicData: String?

    @Option(name: .customLong("category-map"), help: "Category map for the public sets (--cv).")
    var categoryMap: String?

    @Option(name: .long, help: "Folder of in-domain corpus files (--cv).")
    var corpus: String?

    @Flag(name: .customLong("no-public"), help: "Leave the public sets out of --cv training.")
    var noPublic = false

    @Flag(name: .customLong("no-corpus"), help: "Leave the corpus out of --cv training.")
    var noCorpus = false

    @Option(name: .customLong("errors"), help: "Write rows with a wrong category, urgency or language as JSON lines to this file.")
    var errorsPath: String?

    // Tuning knobs for --cv experiments; the defaults are the shipped model's settings.
    @Option(name: .long, help: .hidden) var epochs: Int?
    @Option(name: .customLong("learning-rate"), help: .hidden) var learningRate: Float?
    @Option(name: .long, help: .hidden) var l2: Float?
    @Option(name: .customLong("balance"), help: .hidden) var balance: Float?
    @Option(name: .customLong("churn-boost"), help: .hidden) var churnBoost: Float?
    @Option(name: .customLong("public-weight"), help: .hidden) var publicWeight: Float?
    @Option(name: .customLong("public-cap"), help: .hidden) var publicCap: Int?
    @Option(name: .customLong("char-weight"), help: .hidden) var charWeight: Float?
    @Option(name: .customLong("word-weight"), help: .hidden) var wordWeight: Float?
    @Option(name: .customLong("concept-weight"), help: .hidden) var conceptWeight: Float?
    @Option(name: .customLong("bits"), help: .hidden) var bits: Int?
    @Option(name: .customLong("max-n"), help: .hidden) var maxN: Int?
    @Option(name: .customLong("corpus-weight"), help: .hidden) var corpusWeight: Float?
    @Option(name: .customLong("data-weight"), help: .hidden) var dataWeight: Float?
    @Option(name: .customLong("urgency-threshold"), help: .hidden) var urgencyThreshold: Float?

    @Argument(help: "Labeled CSV or JSONL files.")
    var data: [String]

    var trainingConfiguration: TrainingConfiguration {
        var configuration = TrainingConfiguration()
        if let epochs { configuration.epochs = epochs }
        if let learningRate { configuration.learningRate = learningRate }
        if let l2 { configuration.l2 = l2 }
        if let balance { configuration.classBalancePower = balance }
        if let churnBoost { configuration.churnBoost = churnBoost }
        if let charWeight { configuration.features.charWeight = charWeight }
        if let wordWeight { configuration.features.wordWeight = wordWeight }
        if let conceptWeight { configuration.features.conceptWeight = conceptWeight }
        if let bits { configuration.features.categoryBits = bits }
        if let maxN { configuration.features.maxCharN = maxN }
        if let urgencyThreshold { configuration.urgencyThreshold = urgencyThreshold }
        return configuration
    }

    func run() async throws {
        let log: @Sendable (String) -> Void = { FileHandle.standardError.write(Data("eval: \($0)\n".utf8)) }
        var examples: [LabeledExample] = []
        do {
            for path in data {
                examples += try DatasetReader.read(contentsOf: URL(fileURLWithPath: path), source: "eval").examples
            }
        } catch {
            log("error: \(error)")
            throw ExitCode(66)
        }
        guard !examples.isEmpty else {
            log("error: no labeled rows")
            throw ExitCode(65)
        }

        let truth: [LabeledExample]
        let predictions: [TriageResult]
        if let k = cv {
            guard k >= 2, k <= examples.count else { throw ValidationError("--cv needs 2 <= K <= rows") }
            var sources = TrainingSources.repositoryDefaults()
            if let publicData { sources.publicDirectory = URL(fileURLWithPath: publicData) }
            if let categoryMap { sources.categoryMap = URL(fileURLWithPath: categoryMap) }
            if let corpus { sources.corpusDirectory = URL(fileURLWithPath: corpus) }
            if noPublic { sources.publicDirectory = nil }
            if noCorpus { sources.corpusDirectory = nil }
            if let publicWeight { sources.publicOptions.weight = publicWeight }
            if let publicCap { sources.publicOptions.perIntentCap = sources.publicOptions.perIntentCap.mapValues { _ in publicCap } }
            if let corpusWeight { sources.corpusWeight = corpusWeight }
            if let dataWeight {
                for i in examples.indices { examples[i].weight = dataWeight }
            }
            let alwaysTrain: [LabeledExample]
            do {
                alwaysTrain = try sources.load(log: log)
            } catch {
                log("error: \(error)")
                throw ExitCode(66)
            }
            let result = CrossValidation.run(
                examples: examples, alwaysTrain: alwaysTrain, k: k, seed: seed, trainer: TriageTrainer(configuration: trainingConfiguration), log: log
            )
            if result.droppedDuplicates > 0 {
                log("left \(result.droppedDuplicates) training row(s) out of folds whose test set has the same text")
            }
            print("\(k)-fold cross-validation, seed \(seed), \(alwaysTrain.count) extra training rows")
            truth = result.examples
            predictions = result.predictions
        } else {
            let triage: TriageModel
            do {
                triage = try TriageModel.load(path: model)
            } catch {
                log("error: \(error)")
                throw ExitCode(66)
            }
            truth = examples
            predictions = examples.map { triage.classify(text: $0.text, channel: $0.channel) }
        }
        print(EvaluationReport(truth: truth, predictions: predictions).formatted())
        if let errorsPath {
            var lines = ""
            for (example, prediction) in zip(truth, predictions)
            where example.category != prediction.category || (example.urgency.map { $0 != prediction.urgency } ?? false)
                || (example.lang.map { $0 != "mixed" && $0 != prediction.lang } ?? false) {
                let object: [String: Any] = [
                    "text": example.text, "category": example.category.rawValue, "predicted": prediction.category.rawValue,
                    "confidence": prediction.confidence, "lang": example.lang ?? "", "predicted_lang": prediction.lang,
                    "urgency": example.urgency?.rawValue ?? "", "predicted_urgency": prediction.urgency.rawValue,
                ]
                if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
                    lines += String(decoding: data, as: UTF8.self) + "\n"
                }
            }
            try lines.write(toFile: errorsPath, atomically: true, encoding: .utf8)
        }
    }
}
