import GRDB

extension AppDatabase {
    /// Indexes retention (and `forget`) need to erase in batches without scanning whole tables:
    /// deleting a message makes SQLite find the corrections that point at it (`ON DELETE SET NULL`),
    /// which without an index is a scan of `corrections` per deleted message.
    static let retentionSchema = """
        CREATE INDEX corrections_message ON corrections(message_id);
        CREATE INDEX corrections_ticket ON corrections(ticket_id);
        """
}
