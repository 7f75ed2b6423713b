/// The names intakes log with a ticket's route, so a desk can tell its own tickets from others'.
enum IntakeOrigin {
    /// `serve`'s webhooks: the desk in the same process posts their cards as they commit.
    static let serve = "serve"
    /// `ingest-email`, the MDA pipe, in a process of its own.
    static let ingestEmail = "ingest-email"
    /// `serve` at start-up, routing tickets an earlier version stored without a route.
    static let startUp = "startup"
}
