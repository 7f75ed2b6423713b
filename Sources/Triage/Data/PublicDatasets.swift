public import Foundation

/// Loads the public training sets listed in `triage-data/SOURCES.md` through a `CategoryMap`.
/// Rows get the source `public/<name>`, which marks them as off-domain for calibration.
public enum PublicDatasets {
    public static let requiredFiles = [
        "bitext_customer_support.csv", "clinc150_train_val.json", "banking77_en_train.csv",
        "arbanking77_ar_train.csv", "arbanking77_intents.csv",
    ]

    public static func load(
        directory: URL,
        map: CategoryMap,
        options: PublicDatasetOptions = PublicDatasetOptions()
    ) throws(DatasetError) -> [LabeledExample] {
        func bytes(_ name: String) throws(DatasetError) -> [UInt8] {
            let url = directory.appendingPathComponent(name)
            do {
                return [UInt8](try Data(contentsOf: url))
            } catch {
                throw DatasetError(path: url.path, reason: error.localizedDescription)
            }
        }
        func rows(_ name: String) throws(DatasetError) -> [[String]] {
            try DatasetCSV.rows(try bytes(name), path: directory.appendingPathComponent(name).path)
        }
        var examples: [(source: String, intent: String, text: String, lang: String)] = []

        let bitext = try rows("bitext_customer_support.csv")
        if let header = bitext.first, let textColumn = header.firstIndex(of: "instruction"), let intentColumn = header.firstIndex(of: "intent") {
            for row in bitext.dropFirst() where row.count > max(textColumn, intentColumn) {
                examples.append(("bitext", row[intentColumn], row[textColumn], "en"))
            }
        }

        let clincData = try bytes("clinc150_train_val.json")
        if let object = try? JSONSerialization.jsonObject(with: Data(clincData)) as? [String: Any] {
            for split in object.keys.sorted() {
                for case let pair as [Any] in (object[split] as? [Any]) ?? [] where pair.count == 2 {
                    if let text = pair[0] as? String, let intent = pair[1] as? String {
                        examples.append(("clinc150", intent, text, "en"))
                    }
                }
            }
        }

        let banking = try rows("banking77_en_train.csv")
        if let header = banking.first, let textColumn = header.firstIndex(of: "text"), let intentColumn = header.firstIndex(of: "category") {
            for row in banking.dropFirst() where row.count > max(textColumn, intentColumn) {
                examples.append(("banking77", row[intentColumn], row[textColumn], "en"))
            }
        }

        var arabicIntents: [String: String] = [:]
        for row in try rows("arbanking77_intents.csv").dropFirst() where row.count >= 2 {
            arabicIntents[row[1]] = row[0].replacingOccurrences(of: " ", with: "_")
        }
        let arabic = try rows("arbanking77_ar_train.csv")
        if let header = arabic.first, let textColumn = header.firstIndex(of: "text"), let labelColumn = header.firstIndex(of: "label") {
            for row in arabic.dropFirst() where row.count > max(textColumn, labelColumn) {
                guard let intent = arabicIntents[row[labelColumn]] else { continue }
                examples.append(("arbanking77", intent, row[textColumn], "ar"))
            }
        }

        var groups: [String: [(text: String, lang: String, category: TriageCategory, source: String)]] = [:]
        for row in examples {
            // ArBanking77 is Banking77 translated: it shares Banking77's intent names and mapping.
            let mapSource = row.source == "arbanking77" ? "banking77" : row.source
            guard case .category(let category) = map.target(source: mapSource, intent: row.intent) else { continue }
            groups["\(row.source)\u{1}\(row.intent)", default: []].append((row.text, row.lang, category, row.source))
        }
        var rng = SplitMix64(seed: options.seed)
        var result: [LabeledExample] = []
        for key in groups.keys.sorted() {
            var members = groups[key] ?? []
            guard let source = members.first?.source else { continue }
            members.shuffle(using: &rng)
            let cap = options.perIntentCap[source] ?? members.count
            for member in members.prefix(cap) {
                result.append(LabeledExample(
                    text: member.text, category: member.category, lang: member.lang, weight: options.weight,
                    source: "public/\(source)"
                ))
            }
        }
        return result
    }
}
