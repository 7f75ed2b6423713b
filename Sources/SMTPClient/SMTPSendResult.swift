/// What one delivery attempt came to, in the terms the outbox needs for the exactly-once rule.
///
/// These are results, not thrown errors, because every case is an expected outcome the caller must
/// record: the only question is whether the message may be sent again without a person deciding.
public enum SMTPSendResult: Sendable, Hashable {
    /// The server took responsibility for the message after the final `.` (its reply, e.g.
    /// `250 2.0.0 Ok: queued as 4F2A1`).
    case accepted(serverReply: String)
    /// Certainly not delivered: a 4xx answer, or the connection failed before the end of the message
    /// was sent. Safe to try again later.
    case retryable(reason: String)
    /// The server refused with a 5xx answer, or the message can never be sent as it is. `reason` is meant
    /// for an agent to read and includes the server's own text.
    case permanent(reason: String)
    /// The whole message, final `.` included, was sent but no answer came back (timeout, reset). The
    /// server may have accepted it, so it must not be resent without a person deciding.
    case unknown(reason: String)
}

extension SMTPSendResult: CustomStringConvertible {
    public var description: String {
        switch self {
        case .accepted(let reply): "accepted (\(reply))"
        case .retryable(let reason): "retryable: \(reason)"
        case .permanent(let reason): "permanent failure: \(reason)"
        case .unknown(let reason): "unknown: \(reason)"
        }
    }
}
