import GRDB

extension AppDatabase {
    /// The schema, as versioned migrations. A migration is never edited once released: add `v2`, `v3` …
    /// The knowledge-base index has its own migration (``knowledgeSchema``), and so do retention's
    /// indexes (``retentionSchema``), who a message is from (``identitySchema``) and the IRC client's STS
    /// policies (``stsSchema``).
    ///
    /// Tables are STRICT so a wrongly typed write fails loudly instead of storing text in an integer
    /// column, and CHECK constraints pin every enum column to the raw values Desk defines.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("kb-v1") { db in
            try db.execute(sql: knowledgeSchema)
        }
        migrator.registerMigration("retention-v1") { db in
            try db.execute(sql: retentionSchema)
        }
        migrator.registerMigration("identity-v1") { db in
            try db.execute(sql: identitySchema)
        }
        migrator.registerMigration("sts-v1") { db in
            try db.execute(sql: stsSchema)
        }
        return migrator
    }

    private static let v1 = """
        CREATE TABLE customers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            company TEXT,
            plan TEXT,
            owner TEXT,
            language TEXT,
            notes TEXT,
            external_id TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX customers_external_id ON customers(external_id) WHERE external_id IS NOT NULL;

        CREATE TABLE contacts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            kind TEXT NOT NULL CHECK (kind IN ('phone', 'whatsapp', 'email')),
            value TEXT NOT NULL,
            last_inbound_at TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (kind, value)
        ) STRICT;
        CREATE INDEX contacts_customer ON contacts(customer_id);

        CREATE TABLE tickets (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            state TEXT NOT NULL CHECK (state IN ('new', 'open', 'claimed', 'awaiting_customer', 'closed')),
            category TEXT CHECK (category IN ('support', 'billing', 'churn_risk', 'feature_request', 'bug_report', 'no_action')),
            confidence REAL,
            urgency TEXT NOT NULL DEFAULT 'normal' CHECK (urgency IN ('high', 'normal')),
            lang TEXT,
            channel TEXT NOT NULL CHECK (channel IN ('whatsapp', 'email')),
            owner TEXT,
            routed_owner TEXT,
            team TEXT,
            route_rule TEXT,
            route_channel TEXT,
            subject TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            closed_at TEXT,
            resolution TEXT,
            linked_ticket_id INTEGER REFERENCES tickets(id) ON DELETE SET NULL,
            CHECK ((state = 'closed') = (closed_at IS NOT NULL))
        ) STRICT;
        CREATE INDEX tickets_customer_state ON tickets(customer_id, state);
        CREATE INDEX tickets_state_category ON tickets(state, category);
        CREATE INDEX tickets_owner ON tickets(owner) WHERE owner IS NOT NULL;

        CREATE TABLE messages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            ticket_id INTEGER NOT NULL REFERENCES tickets(id),
            direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
            channel TEXT NOT NULL CHECK (channel IN ('whatsapp', 'email')),
            provider_id TEXT,
            email_message_id TEXT,
            in_reply_to TEXT,
            email_references TEXT NOT NULL DEFAULT '[]',
            subject TEXT,
            text TEXT NOT NULL,
            attachments TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL CHECK (status IN ('received', 'queued', 'sent', 'delivered', 'read', 'failed', 'unknown')),
            error_code TEXT,
            provider_timestamp TEXT,
            received_at TEXT NOT NULL,
            author TEXT,
            is_auto_reply INTEGER NOT NULL DEFAULT 0,
            category TEXT CHECK (category IN ('support', 'billing', 'churn_risk', 'feature_request', 'bug_report', 'no_action')),
            confidence REAL,
            urgency TEXT CHECK (urgency IN ('high', 'normal')),
            lang TEXT,
            CHECK ((direction = 'in') = (status = 'received'))
        ) STRICT;
        CREATE UNIQUE INDEX messages_provider_id ON messages(channel, direction, provider_id);
        CREATE INDEX messages_ticket ON messages(ticket_id);
        CREATE INDEX messages_email_message_id ON messages(email_message_id) WHERE email_message_id IS NOT NULL;

        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            ticket_id INTEGER REFERENCES tickets(id),
            actor TEXT NOT NULL,
            kind TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '{}',
            at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX events_ticket ON events(ticket_id, id);
        CREATE INDEX events_kind_at ON events(kind, at);

        -- The log is append-only. Only `forget` may delete, and it says so by holding a row in
        -- erasure_guard for the length of its transaction.
        CREATE TABLE erasure_guard (id INTEGER PRIMARY KEY) STRICT;
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        WHEN NOT EXISTS (SELECT 1 FROM erasure_guard)
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            message_id INTEGER NOT NULL UNIQUE REFERENCES messages(id),
            ticket_id INTEGER NOT NULL REFERENCES tickets(id),
            channel TEXT NOT NULL CHECK (channel IN ('whatsapp', 'email')),
            payload TEXT NOT NULL CHECK (json_valid(payload)),
            state TEXT NOT NULL CHECK (state IN ('pending', 'in_flight', 'sent', 'failed', 'unknown')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX outbox_due ON outbox(state, next_attempt_at);

        CREATE TABLE corrections (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            text TEXT NOT NULL,
            category TEXT NOT NULL CHECK (category IN ('support', 'billing', 'churn_risk', 'feature_request', 'bug_report', 'no_action')),
            lang TEXT,
            channel TEXT CHECK (channel IN ('whatsapp', 'email')),
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            ticket_id INTEGER REFERENCES tickets(id) ON DELETE SET NULL,
            message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL
        ) STRICT;

        CREATE TABLE timers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            ticket_id INTEGER NOT NULL REFERENCES tickets(id),
            kind TEXT NOT NULL,
            due_at TEXT NOT NULL,
            fired_at TEXT,
            cancelled INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX timers_due ON timers(due_at) WHERE fired_at IS NULL;
        CREATE INDEX timers_ticket ON timers(ticket_id);
        """
}
