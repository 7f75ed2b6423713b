extension EventKind {
    /// A retention run erased the messages of old closed tickets; logged without a ticket, with counts
    /// only, so the log shows the policy was applied without keeping what it erased.
    public static let retention: EventKind = "retention"
}
