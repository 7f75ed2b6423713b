import Desk
import Store
import Synchronization

/// Group commit: concurrent ingests share one write transaction, and so one fsync.
///
/// SQLite commits one transaction at a time, and with `synchronous = FULL` each commit waits for the
/// disk; one transaction per webhook caps intake at the disk's fsync rate. Here the first message
/// commits at once, alone, and whatever arrives while a commit is running waits for the next one,
/// which takes all of it: an idle desk adds no delay, and a busy one pays one fsync per batch. Each
/// message has its own savepoint in the store, so one that fails fails alone, and every caller is
/// answered only after the commit that holds its message.
final class GroupCommitter: Sendable {
    typealias Commit = @Sendable ([IngestRequest]) async throws -> [Result<IngestOutcome, any Error>]

    private struct Waiting {
        var request: IngestRequest
        var continuation: CheckedContinuation<IngestOutcome, any Error>
    }

    private struct State {
        var waiting: [Waiting] = []
        var isCommitting = false
    }

    private let state = Mutex(State())
    private let commit: Commit
    /// At most this many messages share a transaction, so one commit never holds the write lock for
    /// long (another process, `ingest-email`, waits for it).
    let maxBatch: Int

    init(maxBatch: Int = 256, commit: @escaping Commit) {
        self.maxBatch = maxBatch
        self.commit = commit
    }

    convenience init(database: AppDatabase, reopenWithin: Duration?, rules: IntakeRules?, maxBatch: Int = 256) {
        self.init(maxBatch: maxBatch) { batch in
            try await database.ingest(batch: batch, reopenWithin: reopenWithin, rules: rules)
        }
    }

    /// Returns once `request` is committed (or known as a duplicate); throws when its savepoint or the
    /// commit failed, in which case nothing of it was stored.
    func submit(_ request: IngestRequest) async throws -> IngestOutcome {
        try await withCheckedThrowingContinuation { continuation in
            let leads = state.withLock { state in
                state.waiting.append(Waiting(request: request, continuation: continuation))
                guard !state.isCommitting else { return false }
                state.isCommitting = true
                return true
            }
            if leads { Task { await self.commitWaiting() } }
        }
    }

    /// Commits batch after batch until nobody is waiting.
    private func commitWaiting() async {
        while let batch = nextBatch() {
            do {
                let results = try await commit(batch.map(\.request))
                for (waiting, result) in zip(batch, results) { waiting.continuation.resume(with: result) }
            } catch {
                for waiting in batch { waiting.continuation.resume(throwing: error) }
            }
        }
    }

    private func nextBatch() -> [Waiting]? {
        state.withLock { state in
            guard !state.waiting.isEmpty else {
                state.isCommitting = false
                return nil
            }
            let batch = Array(state.waiting.prefix(maxBatch))
            state.waiting.removeFirst(batch.count)
            return batch
        }
    }
}
