public import Foundation

/// Open tickets one person answers for (the holder, else routing's owner), or nobody.
public struct BacklogEntry: Sendable, Hashable {
    /// Nil for tickets nobody holds and no rule gave an owner.
    public var owner: String?
    public var count: Int
    /// How many of them the owner has claimed or been assigned (the rest are routed to them, unclaimed).
    public var held: Int
    public var oldestCreatedAt: Date

    public init(owner: String?, count: Int, held: Int, oldestCreatedAt: Date) {
        self.owner = owner
        self.count = count
        self.held = held
        self.oldestCreatedAt = oldestCreatedAt
    }
}
