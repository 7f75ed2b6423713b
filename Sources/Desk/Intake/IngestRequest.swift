/// One message waiting for a group commit, with the triage it was given before it waits.
public struct IngestRequest: Sendable {
    public var message: InboundMessage
    public var triage: TriageSummary?

    public init(message: InboundMessage, triage: TriageSummary?) {
        self.message = message
        self.triage = triage
    }
}
