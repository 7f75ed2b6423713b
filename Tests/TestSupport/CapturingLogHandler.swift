public import Logging
import Synchronization

/// Keeps every log line (message and metadata) so a test can prove secrets never reach the log.
public struct CapturingLogHandler: LogHandler {
    public final class Store: Sendable {
        private let lines = Mutex<[String]>([])
        public init() {}
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        public var all: [String] { lines.withLock { $0 } }
    }

    public let store: Store
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .trace

    public init(store: Store) {
        self.store = store
    }

    /// A logger at trace level whose every line lands in `store`.
    public static func logger(label: String, store: Store) -> Logger {
        var logger = Logger(label: label) { _ in CapturingLogHandler(store: store) }
        logger.logLevel = .trace
        return logger
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        store.append("\(event.level) \(event.message) \(merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
    }
}
