import GRDB

extension AppDatabase {
    /// Who each message is from, and deduplication a stranger cannot pre-empt (issue 13).
    ///
    /// - `customer_id`: the customer whose words the message is. For inbound mail that is the `From`
    ///   sender, who is not always the ticket's customer (a colleague in CC answering one of our
    ///   Message-IDs joins the thread as themselves); for outbound messages, the customer written to.
    ///   `export --customer` and `forget --customer` go by this column. Existing rows get their ticket's
    ///   customer, the only author the old schema knew.
    /// - `sender`: the address the message came from (email address or E.164 phone, normalised).
    ///   Existing email rows get their customer's first email address, the best the old schema knew.
    /// - `reply_to`: an email's `Reply-To` when it differs from `From`. It never decides the customer.
    /// - `business_number`: the WhatsApp number (`whatsapp:+E164` for Twilio, the phone number id for
    ///   Meta) an inbound message arrived on, so the reply leaves from the number the customer wrote to.
    ///
    /// Email was deduplicated on its Message-ID alone, so a stranger who sent `<pat-1@kettle.example>`
    /// first made Pat's real message a "duplicate". Inbound email is now unique per (Message-ID,
    /// sender); WhatsApp ids come from the provider over a signed request and stay unique as they were.
    static let identitySchema = """
        ALTER TABLE messages ADD COLUMN customer_id INTEGER REFERENCES customers(id);
        ALTER TABLE messages ADD COLUMN sender TEXT;
        ALTER TABLE messages ADD COLUMN reply_to TEXT;
        ALTER TABLE messages ADD COLUMN business_number TEXT;
        UPDATE messages SET customer_id = (SELECT customer_id FROM tickets WHERE tickets.id = messages.ticket_id);
        UPDATE messages SET sender = (
            SELECT c.value FROM contacts c JOIN tickets t ON t.customer_id = c.customer_id
            WHERE t.id = messages.ticket_id AND c.kind = 'email' ORDER BY c.id LIMIT 1)
        WHERE channel = 'email' AND direction = 'in';
        DROP INDEX messages_provider_id;
        CREATE UNIQUE INDEX messages_provider_id ON messages(channel, direction, provider_id)
            WHERE channel <> 'email' OR direction <> 'in';
        CREATE UNIQUE INDEX messages_email_sender ON messages(provider_id, sender)
            WHERE channel = 'email' AND direction = 'in';
        CREATE INDEX messages_customer ON messages(customer_id);
        """
}
