import Desk
import Foundation
import Logging
import Synchronization

/// One JSON object per line on stderr, for log shippers (journald with `--output=json`, Loki, Vector):
/// `{"time", "level", "label", "message", "source", …metadata}`. Times are RFC 3339 in UTC.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    /// Lines from concurrent tasks must not interleave.
    private static let lock = Mutex(())

    init(label: String) {
        self.label = label
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var object: [String: String] = [
            "time": Timestamp.rfc3339(Date()), "level": event.level.rawValue, "label": label,
            "message": event.message.description, "source": event.source,
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) where object[key] == nil {
            object[key] = "\(value)"
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(object) else { return }
        line.append(UInt8(ascii: "\n"))
        Self.lock.withLock { _ in FileHandle.standardError.write(line) }
    }
}
