/// What an agent decides about a send whose outcome is unknown. Only a person may choose to resend.
public enum UnknownSendDecision: Sendable, Hashable {
    /// Send it again (the agent accepts the risk of a duplicate).
    case resend
    /// The agent confirmed the customer got it (e.g. seen in the provider console).
    case markSent(providerID: String?)
    /// Give up on this message.
    case abandon
}
