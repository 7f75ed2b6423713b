import GRDB

extension AppDatabase {
    /// IRCv3 STS persistence policies, one per IRC host name (lower-cased). The specification requires a
    /// client to remember a policy for its duration across restarts, so it lives next to the desk's data
    /// rather than in memory. `expires_at` uses GRDB's date format, like every other date column.
    static let stsSchema = """
        CREATE TABLE sts_policies (
            host TEXT PRIMARY KEY NOT NULL CHECK (host = lower(host)),
            port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
            expires_at TEXT NOT NULL
        ) STRICT;
        """
}
