public import Foundation

/// A durable timer to create (replacing the ticket's unfired timer of the same kind).
public struct PlannedTimer: Sendable, Hashable {
    public var kind: TimerKind
    public var dueAt: Date

    public init(kind: TimerKind, dueAt: Date) {
        self.kind = kind
        self.dueAt = dueAt
    }
}
