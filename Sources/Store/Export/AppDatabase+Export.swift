public import Desk
import Foundation
import GRDB

extension AppDatabase {
    /// Every stored message as an `export` row, for all customers or one. A message belongs to its author
    /// (`messages.customer_id`), not to the ticket's customer: a colleague's reply on Pat's ticket is the
    /// colleague's data, exported with them and not with Pat. Ordered by ticket, then in
    /// conversation order within the ticket (provider time, else stored time), so a ticket reads top
    /// to bottom. Synchronous on purpose: `export` is a one-shot CLI read on a read-only connection.
    public func exportRows(customerID: Int64?) throws -> [ExportRow] {
        var rows: [ExportRow] = []
        try exportRows(customerID: customerID) { rows.append($0) }
        return rows
    }

    /// Streams the export rows to `body` one at a time from a database cursor, so exporting a large
    /// database does not hold it all in memory. The read is one snapshot: rows committed meanwhile by a
    /// running `serve` are not half-included.
    public func exportRows(customerID: Int64?, _ body: (ExportRow) throws -> Void) throws {
        try reader.read { db in
            var sql = """
                SELECT m.id, m.ticket_id, m.direction, m.channel, m.provider_id,
                       COALESCE(m.customer_id, t.customer_id) AS customer_id, m.received_at,
                       CASE WHEN m.direction = 'in' THEN COALESCE(m.category, t.category) ELSE t.category END AS category,
                       CASE WHEN m.direction = 'in' THEN COALESCE(m.urgency, t.urgency) ELSE t.urgency END AS urgency,
                       CASE WHEN m.direction = 'in' THEN COALESCE(m.lang, t.lang) ELSE t.lang END AS lang,
                       m.status, m.text
                FROM messages m JOIN tickets t ON t.id = m.ticket_id
                """
            var arguments: StatementArguments = []
            if let customerID {
                sql += " WHERE COALESCE(m.customer_id, t.customer_id) = ?"
                arguments += [customerID]
            }
            sql += " ORDER BY m.ticket_id, COALESCE(m.provider_timestamp, m.received_at), m.id"
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try cursor.next() {
                let direction: String = row["direction"]
                let channel: String = row["channel"]
                let status: String = row["status"]
                let category: String? = row["category"]
                let urgency: String? = row["urgency"]
                let lang: String? = row["lang"]
                try body(ExportRow(
                    ticket: row["ticket_id"],
                    messageID: row["id"],
                    direction: Direction(rawValue: direction) ?? .inbound,
                    channel: Channel(rawValue: channel) ?? .email,
                    providerID: row["provider_id"],
                    customer: row["customer_id"],
                    receivedAt: row["received_at"],
                    category: category.flatMap(Desk.Category.init(rawValue:)),
                    urgency: urgency.flatMap(Urgency.init(rawValue:)),
                    // `und` is BCP 47 for "unknown", which is what an untriaged message's language is.
                    lang: lang ?? "und",
                    status: DeliveryStatus(rawValue: status) ?? .unknown,
                    text: row["text"]
                ))
            }
        }
    }
}
