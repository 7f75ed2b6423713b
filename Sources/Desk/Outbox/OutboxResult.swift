/// What a sender reports after an attempt. Choosing the case is the sender's job, because only it knows
/// whether the request bytes were written:
/// - nothing written (connect failed), or the provider answered 429/5xx → ``retryable(error:retryAfter:)``;
/// - the provider answered with a refusal (4xx, a known permanent error code) → ``failed(error:code:)``;
/// - written but no answer (timeout, reset) → ``unknown(error:)``.
public enum OutboxResult: Sendable, Hashable {
    /// Accepted. Email has no provider id beyond our own Message-ID, so it may be nil.
    case sent(providerID: String?)
    /// Certainly did not take effect; try again after the backoff (or the provider's `Retry-After`).
    case retryable(error: String, retryAfter: Duration? = nil)
    /// Refused for good.
    case failed(error: String, code: String? = nil)
    /// May have taken effect. Never retried automatically.
    case unknown(error: String)
}
