public import Foundation
import CSV

/// Reads labeled data: CSV with a header naming `text` and `category` (plus optional `lang`, `channel`,
/// `urgency`, `weight`), or JSON lines with the same keys. Parsing is pure; `read(contentsOf:)` is the
/// only file access.
public enum DatasetReader {
    public static func read(contentsOf url: URL, source: String? = nil) throws(DatasetError) -> Dataset {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DatasetError(path: url.path, reason: error.localizedDescription)
        }
        let name = source ?? url.deletingPathExtension().lastPathComponent
        let ext = url.pathExtension.lowercased()
        let bytes = [UInt8](data)
        let firstNonSpace = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        if ext == "jsonl" || ext == "json" || ext == "ndjson" || (ext != "csv" && firstNonSpace == UInt8(ascii: "{")) {
            return parseJSONLines(bytes, source: name)
        }
        do {
            return try parseCSV(bytes, source: name)
        } catch {
            throw DatasetError(path: url.path, reason: error.reason)
        }
    }

    public static func parseJSONLines(_ bytes: [UInt8], source: String) -> Dataset {
        var dataset = Dataset()
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if trimmed.isEmpty { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed)) as? [String: Any] else {
                dataset.skip("line \(lineNumber): not a JSON object")
                continue
            }
            let fields = object.compactMapValues { value -> String? in
                if let string = value as? String { return string }
                if let number = value as? NSNumber { return number.stringValue }
                return nil
            }
            append(fields, line: lineNumber, source: source, to: &dataset)
        }
        return dataset
    }

    public static func parseCSV(_ bytes: [UInt8], source: String) throws(DatasetError) -> Dataset {
        let records = try DatasetCSV.records(bytes, path: source)
        guard let header = records.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else {
            return Dataset()
        }
        guard header.contains("text"), header.contains("category") else {
            throw DatasetError(path: source, reason: "CSV header needs text and category columns, found \(header)")
        }
        var dataset = Dataset()
        for record in records.dropFirst() {
            var fields: [String: String] = [:]
            for (index, name) in header.enumerated() where index < record.fields.count {
                fields[name] = record.fields[index]
            }
            append(fields, line: record.line, source: source, to: &dataset)
        }
        return dataset
    }

    private static func append(_ fields: [String: String], line: Int, source: String, to dataset: inout Dataset) {
        guard let text = fields["text"] else {
            dataset.skip("line \(line): no text")
            return
        }
        guard let label = fields["category"], let category = TriageCategory(label: label) else {
            dataset.skip("line \(line): unknown category \(fields["category"] ?? "nil")")
            return
        }
        let lang = fields["lang"].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let channel = fields["channel"].flatMap { TriageChannel(rawValue: $0.lowercased()) }
        let urgency = fields["urgency"].flatMap { Urgency(rawValue: $0.lowercased()) }
        let weight = fields["weight"].flatMap { Float($0) } ?? 1
        dataset.examples.append(LabeledExample(
            text: text, category: category, lang: lang, channel: channel, urgency: urgency, weight: weight, source: source
        ))
    }
}
