public import Desk
public import Foundation
public import GRDB

extension AppDatabase {
    /// How long a writer waits for another process's write lock (`ingest-email` next to `serve`)
    /// before giving up with SQLITE_BUSY, which callers report as a temporary failure.
    public static let busyTimeout: TimeInterval = 5

    /// The connection settings every Switchboard database uses.
    ///
    /// Foreign keys are on (GRDB's default), and writers wait up to ``busyTimeout`` for the lock.
    public static func makeConfiguration(
        _ base: Configuration = Configuration(), busyTimeout: TimeInterval = AppDatabase.busyTimeout
    ) -> Configuration {
        var config = base
        config.busyMode = .timeout(busyTimeout)
        config.label = config.label ?? "switchboard"
        return config
    }

    /// Opens (creating it and its folder if needed) the production database: a WAL `DatabasePool`, so
    /// `export`, `report` and `backup` read while `serve` writes.
    ///
    /// Durability: providers are acknowledged only after `ingest` returns, so a commit must survive a
    /// power cut, not just a crash of the process. GRDB puts WAL pools in `synchronous = NORMAL`, under
    /// which the last transactions before a power loss can roll back even though they were reported
    /// committed. We therefore set `synchronous = FULL` on the writer: each commit fsyncs the WAL. At
    /// our volume (messages per second, not thousands) the extra fsync is cheap; losing an
    /// acknowledged customer message is not.
    public static func open(
        path: String,
        busyTimeout: TimeInterval = AppDatabase.busyTimeout,
        backoff: OutboxBackoff = OutboxBackoff(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws -> AppDatabase {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pool = try DatabasePool(path: path, configuration: makeConfiguration(busyTimeout: busyTimeout))
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return try AppDatabase(pool, backoff: backoff, now: now)
    }

    /// Opens an existing database for reading only, safe next to a running `serve`: WAL readers see the
    /// last committed state and never block the writer. Fails if the file does not exist, and runs no
    /// migration; writes through the result fail with SQLITE_READONLY.
    public static func openReadOnly(path: String) throws -> AppDatabase {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.databaseMissing(path: path))
        }
        var config = makeConfiguration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        let migrated = try queue.read { db in try migrator.hasCompletedMigrations(db) }
        guard migrated else { throw StoreError(.schemaOutdated(path: path)) }
        return AppDatabase(migrated: queue, backoff: OutboxBackoff(), now: { Date() })
    }

    /// An empty in-memory database, for tests and `parse`-style commands that need none.
    public static func inMemory(
        backoff: OutboxBackoff = OutboxBackoff(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: makeConfiguration()), backoff: backoff, now: now)
    }

    /// Writes a consistent copy of the database to `path` while others keep writing (`backup`).
    ///
    /// The file is created with `O_CREAT | O_EXCL` and mode 0600 before SQLite opens it: an existing
    /// file (or a symlink planted at that name) is refused by the same system call that would create it,
    /// with no check-then-open window, and the copy of every customer's data is private from its first
    /// byte. A backup that fails after that removes its own file.
    public func backup(to path: String) throws {
        if let code = createExclusively(path) {
            throw StoreError(code == EEXIST ? .backupExists(path: path) : .backupNotCreated(path: path, errno: code))
        }
        do {
            // SQLite takes the empty file as an empty database and writes the copy into it.
            let destination = try DatabaseQueue(path: path)
            try reader.backup(to: destination)
        } catch {
            unlink(path)
            throw error
        }
    }

    /// Proves the database can take a write right now (for `/healthz`): commits a write that changes
    /// nothing. Taking the lock and rolling back is not enough: a full disk or a read-only file system
    /// only shows when a page has to reach the WAL, so the header's `user_version` is rewritten with its
    /// own value (GRDB's migrator does not use it).
    public func checkWritable() async throws {
        try await writer.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                try db.execute(sql: "PRAGMA user_version = \(version)")
                return .commit
            }
        }
    }
}

/// Creates an empty file at `path` with mode 0600, failing if anything (a file, or a symlink even to
/// nowhere) is already there; returns the `errno` of a failure. Outside `AppDatabase`, whose `open`
/// would hide the system call's.
private func createExclusively(_ path: String) -> Int32? {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard descriptor >= 0 else { return errno }
    close(descriptor)
    return nil
}
