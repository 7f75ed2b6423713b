import GRDB
import Logging
import Store

/// The database write check behind `/healthz`, run at most once per `maxAge` whatever the request rate.
///
/// Each check commits a transaction, and with `synchronous = FULL` every commit is an fsync: checking on
/// every request would let anyone on the network force an fsync per request. Callers within `maxAge` of
/// the last check share its result, and callers arriving while a check runs wait for that same check
/// (single flight), so a burst of any size costs one write. A database that stops taking writes still
/// shows within `maxAge`.
actor HealthProbe {
    /// What `/healthz` reports for the database.
    enum Outcome: Sendable, Equatable {
        case writable
        /// `temporary`: locked or busy, likely to pass by itself; otherwise read-only, full or broken.
        case unwritable(temporary: Bool)
    }

    private let check: @Sendable () async throws -> Void
    private let maxAge: Duration
    private let onCheck: @Sendable () -> Void
    private let logger: Logger
    private var last: (outcome: Outcome, at: ContinuousClock.Instant)?
    private var inFlight: Task<Outcome, Never>?

    /// - Parameters:
    ///   - check: throws when the database cannot take a write right now.
    ///   - onCheck: called once per check actually run (the metric that proves the throttle).
    init(maxAge: Duration = .seconds(1), logger: Logger, onCheck: @escaping @Sendable () -> Void = {},
         check: @escaping @Sendable () async throws -> Void) {
        self.check = check
        self.maxAge = maxAge
        self.onCheck = onCheck
        self.logger = logger
    }

    /// The probe for a Switchboard database: a connection opened read-only is ruled out by its
    /// configuration first, because SQLite lets it begin the immediate transaction and only refuses the
    /// first write.
    init(database: AppDatabase, logger: Logger, onCheck: @escaping @Sendable () -> Void = {}) {
        self.init(logger: logger, onCheck: onCheck) {
            guard !database.reader.configuration.readonly else { throw ReadOnlyConnection() }
            try await database.checkWritable()
        }
    }

    func outcome() async -> Outcome {
        if let last, last.at.duration(to: .now) < maxAge { return last.outcome }
        if let inFlight { return await inFlight.value }
        let task = Task { await runCheck() }
        inFlight = task
        let outcome = await task.value
        last = (outcome, .now)
        inFlight = nil
        return outcome
    }

    private func runCheck() async -> Outcome {
        onCheck()
        do {
            try await check()
            return .writable
        } catch {
            let temporary = StoreError.isTemporary(error)
            logger.warning("health check: the database cannot take a write", metadata: ["temporary": "\(temporary)"])
            return .unwritable(temporary: temporary)
        }
    }
}

/// The database was opened read-only: every write will fail with SQLITE_READONLY.
private struct ReadOnlyConnection: Error {}
