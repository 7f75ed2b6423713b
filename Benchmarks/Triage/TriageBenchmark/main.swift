// The triage benchmark driver behind `make bench-triage`.
//
//   TriageBenchmark cv --out DIR [--folds K] [--seed S] DATA...
//       Cross-validates Switchboard on DATA exactly as `switchboard eval --cv` does, and writes each
//       fold's training and test rows (after the leak guard) to DIR so that the scikit-learn baseline
//       trains on the very same rows; writes DIR/swift-cv.json with the scores.
//   TriageBenchmark speed --out DIR DATA...
//       Training time on the full shipped data (public sets, corpus and DATA), model load time, and the
//       short messages used for throughput (DIR/messages.jsonl, DIR/bench.model); writes
//       DIR/swift-speed.json.
//   TriageBenchmark classify --model PATH [--seconds N] [--out DIR] MESSAGES.jsonl
//       Single-thread classify throughput of an existing model; writes DIR/swift-classify.json.
import Foundation
import Triage

struct Arguments {
    var command = ""
    var out = ".build/bench-triage"
    var folds = 5
    var seed: UInt64 = 1
    var seconds = 3.0
    var model: String?
    var data: [String] = []

    init(_ raw: [String]) {
        var rest = raw.dropFirst()
        command = rest.popFirst() ?? ""
        while let argument = rest.popFirst() {
            switch argument {
            case "--out": out = rest.popFirst() ?? out
            case "--folds": folds = Int(rest.popFirst() ?? "") ?? folds
            case "--seed": seed = UInt64(rest.popFirst() ?? "") ?? seed
            case "--seconds": seconds = Double(rest.popFirst() ?? "") ?? seconds
            case "--model": model = rest.popFirst()
            default: data.append(argument)
            }
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("TriageBenchmark: \(message)\n".utf8))
    exit(1)
}

func log(_ message: String) {
    FileHandle.standardError.write(Data("bench: \(message)\n".utf8))
}

func readExamples(_ paths: [String]) -> [LabeledExample] {
    var result: [LabeledExample] = []
    for path in paths {
        do {
            result += try DatasetReader.read(contentsOf: URL(fileURLWithPath: path), source: "dev").examples
        } catch {
            fail("\(error)")
        }
    }
    if result.isEmpty { fail("no labeled rows in \(paths)") }
    return result
}

func loadSources() -> [LabeledExample] {
    let sources = TrainingSources.repositoryDefaults()
    if sources.publicDirectory == nil { fail("public training data not found (../shared/triage-data or $SWITCHBOARD_TRIAGE_DATA)") }
    do {
        return try sources.load(log: log)
    } catch {
        fail("\(error)")
    }
}

func jsonLine(_ object: [String: Any]) -> String {
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
}

func write(_ lines: [String], to path: String) {
    do {
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
        fail("cannot write \(path): \(error)")
    }
}

func row(_ example: LabeledExample) -> String {
    jsonLine(["text": example.text, "category": example.category.rawValue, "weight": example.weight, "lang": example.lang ?? "und"])
}

func crossValidate(_ arguments: Arguments) {
    let examples = readExamples(arguments.data)
    let alwaysTrain = loadSources()
    let result = CrossValidation.run(
        examples: examples, alwaysTrain: alwaysTrain, k: arguments.folds, seed: arguments.seed, trainer: TriageTrainer(), log: log
    )
    // The same folds and leak guard, written out for the baseline.
    let normalizer = TextNormalizer()
    let trainKeys = alwaysTrain.map { normalizer.normalize($0.text).scalars }
    for fold in 0..<arguments.folds {
        let test = examples.indices.filter { result.folds[$0] == fold }
        let testKeys = Set(test.map { normalizer.normalize(examples[$0].text).scalars })
        var training = zip(alwaysTrain, trainKeys).filter { !testKeys.contains($0.1) }.map(\.0)
        training += examples.indices.filter { result.folds[$0] != fold }.map { examples[$0] }
        write(training.map(row), to: "\(arguments.out)/fold-\(fold)-train.jsonl")
        write(test.map { row(examples[$0]) }, to: "\(arguments.out)/fold-\(fold)-test.jsonl")
    }
    let report = result.report
    print(report.formatted())
    var perLanguage: [String: Double] = [:]
    for (lang, value) in report.perLanguage { perLanguage[lang] = value.macroF1 }
    var perClass: [String: [String: Double]] = [:]
    for (category, score) in report.perClass {
        perClass[category.rawValue] = ["precision": score.precision, "recall": score.recall, "f1": score.f1]
    }
    write([jsonLine([
        "macro_f1": report.macroF1,
        "accuracy": report.accuracy,
        "per_language": perLanguage,
        "per_class": perClass,
        "folds": arguments.folds,
        "seed": arguments.seed,
        "training_seconds_per_fold": result.trainingSeconds / Double(arguments.folds),
    ])], to: "\(arguments.out)/swift-cv.json")
}

func measureSpeed(_ arguments: Arguments) {
    let examples = readExamples(arguments.data)
    let alwaysTrain = loadSources()

    // Training on the full shipped data, as `make model` does (2 threads for feature extraction).
    var full = alwaysTrain
    full += examples
    let trainStart = Date()
    let model = TriageTrainer().train(full)
    let trainingSeconds = Date().timeIntervalSince(trainStart)
    log(String(format: "trained on %d rows in %.2f s", full.count, trainingSeconds))
    let modelPath = "\(arguments.out)/bench.model"
    do {
        try model.write(to: URL(fileURLWithPath: modelPath))
    } catch {
        fail("cannot write model: \(error)")
    }

    // Model load: the bundled default and the freshly written file.
    var loadTimes: [Double] = []
    for _ in 0..<5 {
        let start = Date()
        guard (try? TriageModel.load(path: modelPath)) != nil else { fail("cannot load \(modelPath)") }
        loadTimes.append(Date().timeIntervalSince(start))
    }
    let bundledStart = Date()
    let bundled = try? TriageModel.load(path: nil, environment: [:])
    let bundledLoad = Date().timeIntervalSince(bundledStart)

    // Short messages: WhatsApp-sized texts from the data and the corpus.
    var messages = (examples + alwaysTrain.filter { !$0.source.hasPrefix("public/") })
        .map(\.text)
        .filter { $0.count <= 160 }
    if messages.isEmpty { messages = examples.map(\.text) }
    write(messages.map { jsonLine(["text": $0]) }, to: "\(arguments.out)/messages.jsonl")
    let averageLength = Double(messages.map(\.count).reduce(0, +)) / Double(messages.count)

    write([jsonLine([
        "messages": messages.count,
        "average_characters": averageLength,
        "training_seconds": trainingSeconds,
        "training_rows": full.count,
        "model_load_seconds": loadTimes.sorted()[loadTimes.count / 2],
        "model_load_first_seconds": loadTimes[0],
        "bundled_model_load_seconds": bundled == nil ? -1 : bundledLoad,
        "model_bytes": (try? FileManager.default.attributesOfItem(atPath: modelPath)[.size] as? Int) ?? 0,
    ])], to: "\(arguments.out)/swift-speed.json")
}

/// Classify throughput of an existing model on a JSON-lines file of {"text"} (for profiling).
func classifyOnly(_ arguments: Arguments) {
    guard let path = arguments.data.first, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        fail("classify needs a messages file")
    }
    let messages = text.split(separator: "\n").compactMap { line -> String? in
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["text"] as? String
    }
    // In a fresh process the first load also builds the lexicon index and the scalar tables.
    let loadStart = Date()
    let model: TriageModel
    do {
        model = try TriageModel.load(path: arguments.model)
    } catch {
        fail("\(error)")
    }
    let coldLoad = Date().timeIntervalSince(loadStart)
    var classified = 0
    var checksum = 0.0
    let start = Date()
    var elapsed = 0.0
    while elapsed < arguments.seconds {
        for message in messages {
            checksum += model.classify(text: message, channel: .whatsapp).confidence
        }
        classified += messages.count
        elapsed = Date().timeIntervalSince(start)
    }
    let throughput = Double(classified) / elapsed
    print(String(format: "%.0f msg/s (%d messages, checksum %.1f)", throughput, classified, checksum))
    if !arguments.out.isEmpty {
        write([jsonLine([
            "classify_per_second": throughput, "messages": messages.count, "seconds": elapsed, "cold_load_seconds": coldLoad,
        ])], to: "\(arguments.out)/swift-classify.json")
    }
}

let arguments = Arguments(CommandLine.arguments)
try? FileManager.default.createDirectory(atPath: arguments.out, withIntermediateDirectories: true)
switch arguments.command {
case "cv": crossValidate(arguments)
case "speed": measureSpeed(arguments)
case "classify": classifyOnly(arguments)
default: fail("usage: TriageBenchmark cv|speed --out DIR [--folds K] [--seed S] [--seconds N] DATA...")
}
