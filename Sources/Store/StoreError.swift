import Foundation
import GRDB

/// Errors the store raises itself. SQLite errors come through as GRDB's `DatabaseError`; use
/// ``isTemporary(_:)`` to tell a retryable one (locked, busy, disk full) from a bug.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Reason: Hashable {
        case ticketNotFound(Int64)
        case customerNotFound(Int64)
        case messageNotFound(Int64)
        case outboxNotFound(Int64)
        case outboxWrongState(id: Int64, state: String, expected: String)
        case invalidPayload
        case databaseMissing(path: String)
        case schemaOutdated(path: String)
        case knowledgeFolderMissing(path: String)
        case backupExists(path: String)
        case backupNotCreated(path: String, errno: Int32)
    }

    let reason: Reason

    init(_ reason: Reason) { self.reason = reason }

    /// The thing asked for does not exist (an IRC user typed a wrong number).
    public var isNotFound: Bool {
        switch reason {
        case .ticketNotFound, .customerNotFound, .messageNotFound, .outboxNotFound: true
        default: false
        }
    }

    public var description: String {
        switch reason {
        case .ticketNotFound(let id): "there is no ticket #\(id)"
        case .customerNotFound(let id): "there is no customer \(id)"
        case .messageNotFound(let id): "there is no message \(id)"
        case .outboxNotFound(let id): "there is no outbox entry \(id)"
        case .outboxWrongState(let id, let state, let expected): "outbox entry \(id) is \(state), not \(expected)"
        case .invalidPayload: "the outbox payload is not valid JSON"
        case .databaseMissing(let path): "no database at \(path); start serve once to create it"
        case .schemaOutdated(let path): "the database at \(path) has not been migrated; start serve once to upgrade it"
        case .knowledgeFolderMissing(let path): "the knowledge-base folder \(path) does not exist"
        case .backupExists(let path): "\(path) already exists; a backup never overwrites a file, choose a new name"
        case .backupNotCreated(let path, let code): "cannot create \(path): \(String(cString: strerror(code)))"
        }
    }

    /// Whether retrying later may succeed: the database is locked or busy (another process holds the
    /// write lock past the busy timeout), or the disk is full or failing. `ingest-email` maps these to
    /// exit 75 and `/healthz` to 503 so that nothing is lost.
    public static func isTemporary(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_PROTOCOL, .SQLITE_NOMEM:
            return true
        default:
            return false
        }
    }
}
