public import Foundation
import CSV

/// Maps a public data set's intent to one of the six categories, or drops it. Read from a CSV with
/// `source,intent,category` rows, where `category` may be `drop` and `intent` may be `*` (the default
/// for that source).
public struct CategoryMap: Sendable {
    public enum Target: Sendable, Hashable {
        case category(TriageCategory)
        case drop
    }

    private var exact: [String: Target] = [:]
    private var defaults: [String: Target] = [:]

    public init(csv bytes: [UInt8]) throws(DatasetError) {
        for (offset, record) in try DatasetCSV.records(bytes, path: "category map").enumerated() {
            let row = record.fields
            guard row.count >= 3 else { continue }
            let source = row[0].trimmingCharacters(in: .whitespaces)
            let intent = row[1].trimmingCharacters(in: .whitespaces)
            let label = row[2].trimmingCharacters(in: .whitespaces)
            if offset == 0, source == "source" { continue }
            let target: Target
            if label == "drop" {
                target = .drop
            } else if let category = TriageCategory(label: label) {
                target = .category(category)
            } else {
                throw DatasetError(path: "category map", reason: "line \(record.line): unknown category \(label)")
            }
            if intent == "*" {
                defaults[source] = target
            } else {
                exact["\(source)\u{1}\(intent)"] = target
            }
        }
    }

    public init(contentsOf url: URL) throws(DatasetError) {
        do {
            try self.init(csv: [UInt8](try Data(contentsOf: url)))
        } catch let error as DatasetError {
            throw error
        } catch {
            throw DatasetError(path: url.path, reason: error.localizedDescription)
        }
    }

    public func target(source: String, intent: String) -> Target {
        exact["\(source)\u{1}\(intent)"] ?? defaults[source] ?? .drop
    }
}
