public import Foundation

/// One outbound message waiting for, or past, its send attempt.
public struct OutboxItem: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    /// The outbound row in `messages` this send delivers.
    public var messageID: Int64
    public var ticketID: Int64
    public var channel: Channel
    /// What the channel's sender needs (recipient, text, subject, headers…), as JSON. Opaque to storage.
    public var payload: Data
    public var state: OutboxState
    /// Attempts started, counting the one in flight.
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64, messageID: Int64, ticketID: Int64, channel: Channel, payload: Data, state: OutboxState,
        attempts: Int, nextAttemptAt: Date, lastError: String? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.messageID = messageID
        self.ticketID = ticketID
        self.channel = channel
        self.payload = payload
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
