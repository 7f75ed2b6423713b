import ArgumentParser
import Foundation
import Triage

/// `switchboard train --out PATH DATA...`: trains a model from labeled CSV/JSONL files.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a triage model from labeled CSV or JSON-lines files.",
        discussion: """
            DATA files are CSV with a header (text,category and optional lang,channel,urgency,weight) or \
            JSON lines with the same keys. With --public-data the public sets of triage-data are added \
            through the category map, and with --corpus every *.jsonl/*.csv of a folder; this is how \
            `make model` builds the shipped model. Progress goes to stderr.
            """
    )

    @Option(name: .long, help: "Where to write the model file.")
    var out: String

    @Option(name: .customLong("public-data"), help: "The triage-data folder with the public sets.")
    var publicData: String?

    @Option(name: .customLong("category-map"), help: "Category map for the public sets (default: the folder's own).")
    var categoryMap: String?

    @Option(name: .long, help: "A folder of in-domain *.jsonl / *.csv files to add.")
    var corpus: String?

    @Option(name: .long, help: "Training epochs.")
    var epochs: Int = TrainingConfiguration().epochs

    @Option(name: .long, help: "Random seed (shuffling, sub-sampling, calibration split).")
    var seed: UInt64 = TrainingConfiguration().seed

    @Flag(name: .customLong("no-calibration"), help: "Skip the temperature-scaling pass.")
    var noCalibration = false

    @Argument(help: "Labeled CSV or JSONL files.")
    var data: [String] = []

    func validate() throws {
        if data.isEmpty, publicData == nil, corpus == nil {
            throw ValidationError("give at least one DATA file, --public-data or --corpus")
        }
    }

    func run() async throws {
        let log: @Sendable (String) -> Void = { FileHandle.standardError.write(Data("train: \($0)\n".utf8)) }
        var sources = TrainingSources(
            publicDirectory: publicData.map { URL(fileURLWithPath: $0) },
            categoryMap: categoryMap.map { URL(fileURLWithPath: $0) },
            corpusDirectory: corpus.map { URL(fileURLWithPath: $0) }
        )
        sources.publicOptions.seed = seed
        var examples: [LabeledExample]
        do {
            examples = try sources.load(log: log)
            for path in data {
                let url = URL(fileURLWithPath: path)
                let dataset = try DatasetReader.read(contentsOf: url, source: "data/\(url.lastPathComponent)")
                log("\(path): \(dataset.examples.count) rows" + (dataset.skipped > 0 ? ", \(dataset.skipped) skipped (\(dataset.skipReasons.joined(separator: "; ")))" : ""))
                examples += dataset.examples
            }
        } catch {
            log("error: \(error)")
            throw ExitCode(66)
        }
        guard !examples.isEmpty else {
            log("error: no training rows")
            throw ExitCode(65)
        }
        var configuration = TrainingConfiguration()
        configuration.epochs = epochs
        configuration.seed = seed
        // Hand-labeled DATA files are the closest to real traffic: fit the temperature on them when
        // they are mixed with the public sets or the corpus.
        if !data.isEmpty, publicData != nil || corpus != nil {
            configuration.calibrationSourcePrefix = "data/"
            configuration.calibrationFraction = 0.4
        }
        if noCalibration { configuration.calibrationFraction = 0 }
        log("training on \(examples.count) rows")
        let started = Date()
        let model = TriageTrainer(configuration: configuration).train(examples) { log($0.description) }
        let url = URL(fileURLWithPath: out)
        try model.write(to: url)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        log(String(format: "wrote %@ (%.1f MB) in %.1f s, temperature %.2f", url.path, Double(size) / 1_048_576, Date().timeIntervalSince(started), model.temperature))
    }
}
