public import Foundation

/// Where the shipped model's training data lives: the public sets (through a category map) and the
/// in-domain corpus folder. `make model`, `switchboard train`, `eval --cv` and the benchmark all
/// assemble training data through this one type, so they train on the same rows.
public struct TrainingSources: Sendable {
    /// The folder with the public sets (`triage-data`), or nil to leave them out.
    public var publicDirectory: URL?
    /// The category map for the public sets; defaults to the one inside `publicDirectory`.
    public var categoryMap: URL?
    /// A folder of `*.jsonl` / `*.csv` in-domain examples, or nil.
    public var corpusDirectory: URL?
    public var publicOptions: PublicDatasetOptions
    /// Training weight of corpus rows (rows may carry their own `weight` on top).
    public var corpusWeight: Float

    public init(
        publicDirectory: URL? = nil,
        categoryMap: URL? = nil,
        corpusDirectory: URL? = nil,
        publicOptions: PublicDatasetOptions = PublicDatasetOptions(),
        corpusWeight: Float = 1
    ) {
        self.publicDirectory = publicDirectory
        self.categoryMap = categoryMap
        self.corpusDirectory = corpusDirectory
        self.publicOptions = publicOptions
        self.corpusWeight = corpusWeight
    }

    /// The repository layout, relative to `root` (the current directory by default):
    /// `$SWITCHBOARD_TRIAGE_DATA` or `../shared/triage-data`, `Data/triage/category-map.csv` and
    /// `Data/triage/corpus`. Folders that do not exist are left out.
    public static func repositoryDefaults(
        root: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> TrainingSources {
        let fileManager = FileManager.default
        func existing(_ url: URL) -> URL? { fileManager.fileExists(atPath: url.path) ? url : nil }
        let publicDirectory = environment["SWITCHBOARD_TRIAGE_DATA"].map { URL(fileURLWithPath: $0) }
            ?? existing(root.appendingPathComponent("../shared/triage-data").standardizedFileURL)
        return TrainingSources(
            publicDirectory: publicDirectory,
            categoryMap: existing(root.appendingPathComponent("Data/triage/category-map.csv")),
            corpusDirectory: existing(root.appendingPathComponent("Data/triage/corpus"))
        )
    }

    /// Reads every configured source; `log` gets one line per source.
    public func load(log: (String) -> Void = { _ in }) throws(DatasetError) -> [LabeledExample] {
        var result: [LabeledExample] = []
        if let publicDirectory {
            let mapURL = categoryMap ?? publicDirectory.appendingPathComponent("category-map.csv")
            let map = try CategoryMap(contentsOf: mapURL)
            let rows = try PublicDatasets.load(directory: publicDirectory, map: map, options: publicOptions)
            log("public data: \(rows.count) rows from \(publicDirectory.path) (map \(mapURL.path))")
            result += rows
        }
        if let corpusDirectory {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: corpusDirectory.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".jsonl") || name.hasSuffix(".csv") {
                let url = corpusDirectory.appendingPathComponent(name)
                var dataset = try DatasetReader.read(contentsOf: url, source: "corpus/\(name)")
                for i in dataset.examples.indices { dataset.examples[i].weight *= corpusWeight }
                log("corpus \(name): \(dataset.examples.count) rows" + (dataset.skipped > 0 ? ", \(dataset.skipped) skipped (\(dataset.skipReasons.joined(separator: "; ")))" : ""))
                result += dataset.examples
            }
        }
        return result
    }
}
