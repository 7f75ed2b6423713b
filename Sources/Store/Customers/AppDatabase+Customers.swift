public import Desk
import Foundation
import GRDB

extension AppDatabase {
    public func customer(id: Int64) async throws -> Customer? {
        try await reader.read { db in try CustomerRecord.fetchOne(db, key: id)?.customer }
    }

    /// The customer an address belongs to, if we know it.
    public func customer(matching key: ContactKey) async throws -> Customer? {
        try await reader.read { db in
            guard let contact = try ContactRecord.matching(key).fetchOne(db) else { return nil }
            return try CustomerRecord.fetchOne(db, key: contact.customerID)?.customer
        }
    }

    public func contacts(customerID: Int64) async throws -> [Contact] {
        try await reader.read { db in
            try ContactRecord
                .filter(ContactRecord.Columns.customerID == customerID)
                .order(ContactRecord.Columns.id)
                .fetchAll(db)
                .map(\.contact)
        }
    }

    /// One stored contact with its `lastInboundAt`, the start of its WhatsApp 24-hour window.
    public func contact(matching key: ContactKey) async throws -> Contact? {
        try await reader.read { db in try ContactRecord.matching(key).fetchOne(db)?.contact }
    }

    /// Imports customers (rows from ``CustomerCSV/parse(_:defaultCallingCode:)``) in one transaction.
    ///
    /// A row matches on `external_id`, else on any of its emails or phones, and the CSV is the source
    /// of truth for the fields it lists (an empty cell clears one; an existing `external_id` is kept when
    /// the row has none). New addresses are added; addresses are never removed, since messages came
    /// from them.
    ///
    /// When one row matches several customers — typically one created by a WhatsApp message and one by
    /// an email, before the CSV said they are the same person — they are merged into one: contacts and
    /// tickets move to the surviving record (the one with the external id, else the oldest) and each
    /// moved ticket logs `merged`. A match that is another imported customer (a different
    /// `external_id`) is never merged; that address stays where it is and is reported.
    public func importCustomers(_ rows: [CustomerImportRow]) async throws -> ImportSummary {
        let now = self.now()
        return try await writer.write { db in
            var summary = ImportSummary()
            for row in rows {
                try Self.importCustomer(db, row, now: now, summary: &summary)
            }
            return summary
        }
    }

    private static func importCustomer(_ db: Database, _ row: CustomerImportRow, now: Date, summary: inout ImportSummary) throws {
        var byExternalID: CustomerRecord?
        if let externalID = row.externalID {
            byExternalID = try CustomerRecord.filter(CustomerRecord.Columns.externalID == externalID).fetchOne(db)
        }
        var owners: [ContactKey: Int64] = [:]
        var matchedIDs: [Int64] = []
        for key in row.contactKeys {
            guard let contact = try ContactRecord.matching(key).fetchOne(db) else { continue }
            owners[key] = contact.customerID
            if !matchedIDs.contains(contact.customerID) { matchedIDs.append(contact.customerID) }
        }
        let matched = try CustomerRecord.fetchAll(db, keys: matchedIDs).sorted { ($0.id ?? 0) < ($1.id ?? 0) }
        func mergeable(_ customer: CustomerRecord) -> Bool {
            customer.externalID == nil || customer.externalID == row.externalID
        }

        var isNew = false
        var target: CustomerRecord
        if let byExternalID {
            target = byExternalID
        } else if let best = matched.filter(mergeable).min(by: { lhs, rhs in
            // Prefer a record that already came from an import, then the oldest.
            (lhs.externalID == nil ? 1 : 0, lhs.id ?? 0) < (rhs.externalID == nil ? 1 : 0, rhs.id ?? 0)
        }) {
            target = best
        } else {
            target = CustomerRecord(id: nil, name: row.name, createdAt: now, updatedAt: now)
            try target.insert(db)
            isNew = true
        }
        let targetID = target.id.persisted
        let before = target

        var changed = false
        for other in matched where other.id != targetID {
            let otherID = other.id.persisted
            guard mergeable(other) else {
                for (key, owner) in owners where owner == otherID {
                    summary.problems.append("line \(row.line): \(key.value) belongs to customer \(otherID) (external_id \(other.externalID ?? "")); left there")
                }
                continue
            }
            try db.execute(sql: "UPDATE contacts SET customer_id = ? WHERE customer_id = ?", arguments: [targetID, otherID])
            let moved = try Int64.fetchAll(db, sql: "SELECT id FROM tickets WHERE customer_id = ?", arguments: [otherID])
            try db.execute(sql: "UPDATE tickets SET customer_id = ? WHERE customer_id = ?", arguments: [targetID, otherID])
            try db.execute(sql: "UPDATE messages SET customer_id = ? WHERE customer_id = ?", arguments: [targetID, otherID])
            for ticketID in moved {
                try log(db, ticketID: ticketID, actor: TicketEvent.system, kind: .merged,
                        detail: ["from_customer": String(otherID), "into_customer": String(targetID), "line": String(row.line)], at: now)
            }
            _ = try CustomerRecord.deleteOne(db, key: otherID)
            for (key, owner) in owners where owner == otherID { owners[key] = targetID }
            summary.merged += 1
            changed = true
        }

        for key in row.contactKeys where owners[key] == nil {
            var contact = ContactRecord(id: nil, customerID: targetID, kind: key.kind, value: key.value, lastInboundAt: nil, createdAt: now)
            try contact.insert(db)
            owners[key] = targetID
            changed = true
        }

        target.name = row.name
        target.company = row.company
        target.plan = row.plan
        target.owner = row.owner
        target.language = row.language
        target.notes = row.notes
        target.externalID = row.externalID ?? target.externalID
        if target != before { changed = true }
        if changed && !isNew { target.updatedAt = now }
        try target.update(db)

        if isNew {
            summary.created += 1
        } else if changed {
            summary.updated += 1
        } else {
            summary.unchanged += 1
        }
    }

    /// `forget`: erases one customer — contacts, tickets, messages, outbox payloads, timers,
    /// corrections and their tickets' events — and records one anonymised `erased` event holding only
    /// counts. The only operation allowed to delete from the event log.
    ///
    /// Messages are found by their author as well as by ticket: the customer's replies on someone
    /// else's ticket (a colleague answering in CC) go too, while that ticket stays. Everything in the
    /// customer's own tickets goes with the tickets, whoever wrote it.
    public func forgetCustomer(id customerID: Int64, actor: String) async throws -> TicketEvent {
        let now = self.now()
        return try await writer.write { db in
            guard try CustomerRecord.exists(db, key: customerID) else { throw StoreError(.customerNotFound(customerID)) }
            let tickets = "(SELECT id FROM tickets WHERE customer_id = ?)"
            let messages = "(SELECT id FROM messages WHERE customer_id = ? OR ticket_id IN \(tickets))"
            let arguments: StatementArguments = [customerID]
            let twice: StatementArguments = [customerID, customerID]
            let ticketCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets WHERE customer_id = ?", arguments: arguments) ?? 0
            let messageCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(messages)", arguments: twice) ?? 0
            try Self.underErasureGuard(db) {
                try db.execute(sql: "DELETE FROM events WHERE ticket_id IN \(tickets)", arguments: arguments)
                try db.execute(sql: "DELETE FROM timers WHERE ticket_id IN \(tickets)", arguments: arguments)
                try db.execute(sql: "DELETE FROM corrections WHERE \(Self.correctionsOf(tickets)) OR message_id IN \(messages)",
                               arguments: [customerID, customerID, customerID, customerID])
                try db.execute(sql: "DELETE FROM outbox WHERE ticket_id IN \(tickets) OR message_id IN \(messages)",
                               arguments: [customerID, customerID, customerID])
                try db.execute(sql: "DELETE FROM messages WHERE customer_id = ? OR ticket_id IN \(tickets)", arguments: twice)
                try db.execute(sql: "UPDATE tickets SET linked_ticket_id = NULL WHERE linked_ticket_id IN \(tickets)", arguments: arguments)
                try db.execute(sql: "DELETE FROM tickets WHERE customer_id = ?", arguments: arguments)
                try db.execute(sql: "DELETE FROM contacts WHERE customer_id = ?", arguments: arguments)
                try db.execute(sql: "DELETE FROM customers WHERE id = ?", arguments: arguments)
            }
            return try Self.log(db, ticketID: nil, actor: actor, kind: .erased, detail: [
                "tickets": String(ticketCount), "messages": String(messageCount),
            ], at: now).event
        }
    }
}
