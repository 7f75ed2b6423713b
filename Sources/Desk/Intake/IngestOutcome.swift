/// The result of `ingest`. Both cases mean "committed, safe to acknowledge to the provider".
public enum IngestOutcome: Sendable, Hashable {
    case stored(IngestReceipt)
    /// The provider id was seen before (a webhook retry); nothing was written.
    case duplicate(ticketID: Int64)

    public var ticketID: Int64 {
        switch self {
        case .stored(let receipt): receipt.ticketID
        case .duplicate(let ticketID): ticketID
        }
    }

    public var isDuplicate: Bool {
        if case .duplicate = self { true } else { false }
    }
}
