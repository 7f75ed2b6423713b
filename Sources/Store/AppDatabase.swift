public import Desk
public import Foundation
public import GRDB

/// The database: owns the schema and every write, each one a single transaction that keeps the
/// invariants (a message always has its ticket, customer and `received` event; an outbox row always
/// has its message).
///
/// Production opens it with ``open(path:)`` (a WAL ``DatabasePool``); tests pass an in-memory
/// `DatabaseQueue()`; `export` uses ``openReadOnly(path:)`` next to a running `serve`.
public struct AppDatabase: Sendable {
    private let dbWriter: any DatabaseWriter
    /// The current time. Injected so tests can drive reopen windows, backoff and timers.
    let now: @Sendable () -> Date
    /// Retry schedule for outbox attempts that certainly did not take effect.
    public let backoff: OutboxBackoff

    /// Wraps a connection and migrates it to the current schema.
    /// - Important: give a `DatabasePool`/`DatabaseQueue` built with ``makeConfiguration(_:)``.
    public init(
        _ dbWriter: any DatabaseWriter,
        backoff: OutboxBackoff = OutboxBackoff(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        try Self.migrator.migrate(dbWriter)
        self.init(migrated: dbWriter, backoff: backoff, now: now)
    }

    init(migrated dbWriter: any DatabaseWriter, backoff: OutboxBackoff, now: @escaping @Sendable () -> Date) {
        self.dbWriter = dbWriter
        self.backoff = backoff
        self.now = now
    }

    /// Read access for queries this type does not offer (analytics, ad-hoc reports). Writes always go
    /// through `AppDatabase` methods.
    public var reader: any DatabaseReader { dbWriter }

    /// The writer, for the write helpers in this module.
    var writer: any DatabaseWriter { dbWriter }
}
